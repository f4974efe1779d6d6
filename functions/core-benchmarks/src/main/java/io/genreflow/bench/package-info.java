/** JMH benchmarks for the core library; run them with {@code scripts/bench-core}. */
package io.genreflow.bench;
