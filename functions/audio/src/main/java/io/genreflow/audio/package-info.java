/**
 * Audio decoding: bytes of a WAV, AIFF, Sun AU, FLAC, MP3 or Ogg Vorbis file in, a pull stream of
 * mono float samples at the file's own sample rate out ({@link io.genreflow.audio.AudioDecoder}).
 * Decoders stream block by block with bounded memory and report bad input as a typed
 * {@link io.genreflow.audio.AudioDecodeException}.
 */
package io.genreflow.audio;
