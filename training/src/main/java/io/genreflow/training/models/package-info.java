/**
 * The {@code package-models} command: turns finished trainer runs into the model set serving loads
 * (ONNX files and manifest.json), choosing the best run per representation and calibrating the
 * ensemble (mean, selective activation or stacking) on the validation tracks through the serving
 * maths.
 */
package io.genreflow.training.models;
