package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens an audio file of any supported format as a stream of mono samples at the file's own sample
 * rate. The format is detected from the bytes ({@link FormatDetector}); the file name plays no part.
 *
 * <p>Decoding streams: the file is read block by block and memory stays bounded whatever its
 * length or what its header claims. Leading ID3v2 tags are skipped for every format. Channels are
 * averaged into one.
 *
 * <p>Files cut short: WAV, AIFF, Sun AU and FLAC return the samples that exist and then fail with
 * TRUNCATED when their header announced more. Where a header says the length is unknown (a WAV data
 * size of 0xFFFFFFFF as streaming writers leave it, AU's "unknown size", FLAC without a sample
 * count) the audio runs to the end of the file and ends cleanly. Ogg Vorbis fails with TRUNCATED
 * when its end-of-stream page is missing. MP3 ends cleanly with the complete frames that exist: it
 * has no reliable length, and a partial last frame is common.
 */
public final class AudioDecoder {

    private static final int BUFFER_BYTES = 64 * 1024;

    private AudioDecoder() {
    }

    /**
     * Detects the format of {@code in} and returns a stream that decodes it. The returned stream
     * owns {@code in} and closes it; when this method throws, closing {@code in} is the caller's job.
     *
     * @throws AudioDecodeException when the bytes are empty, unrecognised, unsupported or broken,
     *     with a {@link AudioDecodeException.Reason} and a message that says what is wrong
     * @throws IOException when reading {@code in} fails
     */
    public static MonoAudioStream open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        boolean tagged = skipId3v2Tags(buffered);
        byte[] head = new byte[FormatDetector.HEAD_BYTES];
        buffered.mark(head.length);
        int length = buffered.readNBytes(head, 0, head.length);
        buffered.reset();
        if (length == 0) {
            throw tagged
                    ? new AudioDecodeException(Reason.NO_AUDIO, SourceFormat.MP3,
                            "the file holds an ID3v2 tag and nothing after it; there are no audio frames")
                    : new AudioDecodeException(Reason.EMPTY, null, "the file is empty (0 bytes)");
        }
        SourceFormat format = FormatDetector.detect(head, length)
                .orElseThrow(() -> UnknownBytes.explain(head, length, tagged));
        ByteInput input = new ByteInput(buffered, format);
        try {
            return switch (format) {
                case WAV -> new PcmStream(input, WavHeader.read(input));
                case AU -> new PcmStream(input, AuHeader.read(input));
                case AIFF -> new PcmStream(input, AiffHeader.read(input));
                case FLAC -> FlacStream.open(input);
                case MP3 -> Mp3Stream.open(input, head, length);
                case OGG_VORBIS -> OggVorbisStream.open(input);
            };
        } catch (RuntimeException e) {
            // A codec library choking on a damaged header; BlockMonoStream covers the data after it.
            throw new AudioDecodeException(Reason.CORRUPT_DATA, format,
                    "the decoder failed on the file's header (" + e + "); the file is damaged", e);
        }
    }

    /** Skips any ID3v2 tags at the start without holding them; tells whether there was one. */
    private static boolean skipId3v2Tags(BufferedInputStream in) throws IOException {
        ByteInput tags = new ByteInput(in, SourceFormat.MP3);
        byte[] header = new byte[Id3v2.HEADER_BYTES];
        boolean found = false;
        while (true) {
            in.mark(header.length);
            int n = in.readNBytes(header, 0, header.length);
            long size = Id3v2.tagSize(header, 0, n);
            if (size < 0) {
                in.reset();
                return found;
            }
            found = true;
            tags.skipFully(size - n, "the ID3v2 tag");
        }
    }
}
