package io.genreflow.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Finds the model files a manifest names and proves they are the files it was written for. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** The directory a manifest's file names are relative to. */
    public static Path directoryOf(Path manifestJson) {
        return manifestJson.toAbsolutePath().getParent();
    }

    /**
     * The model's file, after checking that it exists and that its SHA-256 is the manifest's.
     *
     * @throws ModelException {@code MODEL_FILE_MISSING} or {@code CHECKSUM_MISMATCH}
     */
    public static Path verified(Path manifestDirectory, String representationId, RepresentationModel model)
            throws ModelException {
        Path file = manifestDirectory.resolve(model.file()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new ModelException(ModelException.Reason.MODEL_FILE_MISSING,
                    "model file for '" + representationId + "' not found: " + file + " (the manifest names '"
                            + model.file() + "', relative to " + manifestDirectory + ")");
        }
        String actual = sha256(file);
        if (!actual.equals(model.sha256())) {
            throw new ModelException(ModelException.Reason.CHECKSUM_MISMATCH,
                    "model file " + file + " for '" + representationId + "' has SHA-256 " + actual
                            + " but the manifest expects " + model.sha256()
                            + "; the file was changed or comes from another model version: deploy the ONNX"
                            + " files together with the manifest that was written for them");
        }
        return file;
    }

    private static String sha256(Path file) throws ModelException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ModelException(ModelException.Reason.MODEL_FILE_MISSING,
                    "cannot read model file " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
