package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import com.jcraft.jogg.Packet;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;

/**
 * Ogg Vorbis decoded packet by packet with jorbis (float output, no 16-bit detour) and averaged
 * over the channels. The last page's granule position caps the sample count, which trims the
 * encoder's padding at the end as libvorbis does (jorbis does not).
 *
 * <p>The comment header is replaced by an empty one before jorbis sees it (tags are not needed and
 * their claimed lengths would become allocations), and the setup header's codebooks are checked
 * first ({@link VorbisCodebookCheck}). Damage and truncation are reported as {@link OggPacketReader}
 * describes; an audio packet jorbis cannot decode is CORRUPT_DATA.
 */
final class OggVorbisStream extends BlockMonoStream {

    private static final int BLOCK_SAMPLES = 4096;
    private static final int HEADER_PACKETS = 3;
    private static final int COMMENT_PACKET = 1;
    private static final int SETUP_PACKET = 2;
    /** A comment header with an empty vendor string, no comments and the framing bit. */
    private static final byte[] EMPTY_COMMENT = {3, 'v', 'o', 'r', 'b', 'i', 's', 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private final OggPacketReader packets;
    private final DspState dsp = new DspState();
    private final Block block;
    private final float[][][] pcm = new float[1][][];
    private final int[] index;
    private long sampleLimit = Long.MAX_VALUE;

    private OggVorbisStream(ByteInput input, OggPacketReader packets, Info info) throws AudioDecodeException {
        super(input, info.rate, info.channels, -1, BLOCK_SAMPLES);
        this.packets = packets;
        this.index = new int[info.channels];
        dsp.synthesis_init(info);
        this.block = new Block(dsp);
    }

    static OggVorbisStream open(ByteInput input) throws IOException {
        OggPacketReader packets = new OggPacketReader(input);
        Info info = new Info();
        Comment comment = new Comment();
        info.init();
        comment.init();
        for (int i = 0; i < HEADER_PACKETS; i++) {
            Packet packet = packets.next();
            if (packet == null) {
                throw new AudioDecodeException(Reason.NO_AUDIO, SourceFormat.OGG_VORBIS,
                        "the stream ends after " + i + " of its 3 header packets; it holds no audio");
            }
            if (packet.bytes < 7 || packet.packet_base[packet.packet] != 2 * i + 1) {
                throw new AudioDecodeException(Reason.CORRUPT_DATA, SourceFormat.OGG_VORBIS,
                        "Vorbis header packet " + (i + 1) + " of 3 is missing or out of order; the file is damaged");
            }
            if (i == COMMENT_PACKET) {
                packet.packet_base = EMPTY_COMMENT;
                packet.packet = 0;
                packet.bytes = EMPTY_COMMENT.length;
            } else if (i == SETUP_PACKET) {
                VorbisCodebookCheck.check(packet.packet_base, packet.packet, packet.bytes);
            }
            if (info.synthesis_headerin(comment, packet) < 0) {
                throw new AudioDecodeException(Reason.CORRUPT_DATA, SourceFormat.OGG_VORBIS,
                        "Vorbis header packet " + (i + 1) + " of 3 is invalid; the file is damaged");
            }
        }
        return new OggVorbisStream(input, packets, info);
    }

    @Override
    int decodeBlock(float[] out) throws IOException {
        while (true) {
            int available = dsp.synthesis_pcmout(pcm, index);
            if (available > 0) {
                long room = sampleLimit - samplesProduced();
                if (room <= 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(available, out.length), room);
                averageChannels(pcm[0], index, n, out);
                dsp.synthesis_read(n);
                return n;
            }
            Packet packet = packets.next();
            if (packet == null) {
                return -1;
            }
            if (packet.e_o_s != 0 && packet.granulepos >= 0) {
                sampleLimit = packet.granulepos;
            }
            if (packet.bytes == 0) {
                continue;
            }
            if (block.synthesis(packet) != 0) {
                throw new AudioDecodeException(Reason.CORRUPT_DATA, format(),
                        "an audio packet cannot be decoded at " + describeSample(samplesProduced()) + "; the file is damaged");
            }
            dsp.synthesis_blockin(block);
        }
    }

    private static void averageChannels(float[][] channels, int[] start, int n, float[] out) {
        System.arraycopy(channels[0], start[0], out, 0, n);
        if (channels.length == 1) {
            return;
        }
        for (int c = 1; c < channels.length; c++) {
            float[] samples = channels[c];
            int offset = start[c];
            for (int i = 0; i < n; i++) {
                out[i] += samples[offset + i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
    }

    @Override
    void release() {
        block.clear();
        dsp.clear();
        packets.close();
    }
}
