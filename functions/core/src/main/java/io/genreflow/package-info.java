/** genreflow's shared core: audio in, features, model, verdict and the contracts between functions. */
package io.genreflow;
