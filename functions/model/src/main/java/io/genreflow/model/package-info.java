/**
 * Trained models as data: the model manifest (labels, feature and snippet parameters, one ONNX file
 * per representation with its checksum and input shape, ensemble parameters, training provenance)
 * and the ONNX Runtime classifier that scores batches of snippets with one representation's model.
 */
package io.genreflow.model;
