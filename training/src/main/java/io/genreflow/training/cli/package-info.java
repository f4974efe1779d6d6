/**
 * The small command-line layer the training tools share: sub-commands, their declared options,
 * and the argument parsing that refuses anything undeclared.
 */
package io.genreflow.training.cli;
