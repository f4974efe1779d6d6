/**
 * Cutting a track into the fixed-length, overlapping snippets the classifiers score ("divide and
 * conquer"): where snippets start, how loud each is, and how a snippet's samples are taken from
 * the whole signal or from a ranged read of it. Splitter, classifier and training share these
 * definitions, so a snippet means the same samples everywhere.
 */
package io.genreflow.snippets;
