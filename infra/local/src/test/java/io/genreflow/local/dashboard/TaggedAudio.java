package io.genreflow.local.dashboard;

import io.genreflow.fixtures.GeneratedAudio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A generated WAV file with a RIFF LIST/INFO chunk naming its title and artist ahead of the samples. */
final class TaggedAudio {

    private TaggedAudio() {
    }

    /** {@code seconds} of the test music, tagged. */
    static byte[] wav(double seconds, long seed, String title, String artist) {
        byte[] plain = GeneratedAudio.musicWav(seconds, seed);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes("INFO".getBytes(StandardCharsets.US_ASCII));
        info.writeBytes(subChunk("INAM", title));
        info.writeBytes(subChunk("IART", artist));
        byte[] list = chunk("LIST", info.toByteArray());
        // The plain file is RIFF header (12) + fmt chunk (24) + data chunk; LIST goes between.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOfRange(plain, 0, 36));
        out.writeBytes(list);
        out.writeBytes(Arrays.copyOfRange(plain, 36, plain.length));
        byte[] tagged = out.toByteArray();
        ByteBuffer.wrap(tagged, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(tagged.length - 8);
        return tagged;
    }

    private static byte[] subChunk(String id, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.UTF_8);
        return chunk(id, value);
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }
}
