package io.genreflow.training.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genreflow.json.Json;
import io.genreflow.manifest.ModelException;
import io.genreflow.pipeline.LocalTrackClassifier;
import io.genreflow.training.cli.Arguments;
import io.genreflow.training.cli.Command;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.cli.Option;
import io.genreflow.training.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code genreflow classify [--models FILE] [--top-k K] [--threads N] FILE_OR_DIR...}: one JSON
 * line per file on standard output, a verdict or the reason there is none, in the order the files
 * were named (folders in name order); progress on standard error. Exits 0 when every file was
 * classified and 1 when any was not.
 */
public final class ClassifyCommand implements Command {

    /** System property naming the folder the default {@code --models} path is relative to (the repository root). */
    public static final String ROOT_PROPERTY = "genreflow.root";

    private static final String DEFAULT_MODELS = "models/manifest.json";

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "give the genre and energy of audio files on this machine, with no cloud service";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.operands("FILE_OR_DIR", "audio files, or folders searched for them (required)"),
                new Option("models", "FILE", "the model manifest (default " + DEFAULT_MODELS + " in the repository)"),
                new Option("top-k", "K", "genres ranked per file (default "
                        + LocalTrackClassifier.Settings.defaults().topK() + ")"),
                new Option("threads", "N", "files classified at once (default: one per processor); the output is the"
                        + " same for any number"));
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, CommandException,
            IOException {
        if (arguments.operands().isEmpty()) {
            throw new UsageException("name at least one audio file or folder to classify");
        }
        int topK = atLeastOne(arguments, "top-k", LocalTrackClassifier.Settings.defaults().topK());
        int threads = atLeastOne(arguments, "threads", Runtime.getRuntime().availableProcessors());
        Path models = arguments.path("models").orElseGet(ClassifyCommand::defaultModels);
        List<AudioFiles.Entry> files = AudioFiles.expand(arguments.operands());

        try (LocalTrackClassifier classifier = load(models, topK);
             ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            List<Future<FileResult>> lines = new ArrayList<>();
            for (AudioFiles.Entry file : files) {
                lines.add(workers.submit(() -> line(classifier, file)));
            }
            int failed = 0;
            for (int i = 0; i < lines.size(); i++) {
                FileResult line = lines.get(i).get();
                out.println(json(line));
                out.flush();
                failed += line instanceof FileFailure ? 1 : 0;
                err.println(progress(i + 1, files.size(), line));
            }
            err.printf(Locale.ROOT, "classify: %d of %d files classified%s%n", files.size() - failed, files.size(),
                    failed == 0 ? "" : ", " + failed + " failed");
            return failed == 0 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted", e);
        } catch (ExecutionException e) {
            throw new CommandException("classifying failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    private static Path defaultModels() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).resolve(DEFAULT_MODELS);
    }

    private static LocalTrackClassifier load(Path models, int topK) throws CommandException {
        try {
            return LocalTrackClassifier.load(models, LocalTrackClassifier.Settings.defaults().withTopK(topK),
                    Clock.systemUTC());
        } catch (ModelException e) {
            String hint = e.reason() == ModelException.Reason.MANIFEST_UNREADABLE
                    ? "; train a model set first, or point --models at the manifest.json of one" : "";
            throw new CommandException(e.getMessage() + hint, e);
        }
    }

    /** The verdict line of one file, or its failure line: a bad file never stops the others. */
    private static FileResult line(LocalTrackClassifier classifier, AudioFiles.Entry file) {
        String path = file.path().toString();
        if (file.problem() != null) {
            return new FileFailure(path, file.problem());
        }
        try {
            return FileVerdict.of(path, classifier.classify(file.path()));
        } catch (IOException | ModelException | RuntimeException e) {
            return new FileFailure(path, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private static String progress(int done, int total, FileResult line) {
        String outcome = switch (line) {
            case FileVerdict verdict -> String.format(Locale.ROOT, "%s (%.2f), %s energy%s", verdict.genre(),
                    verdict.confidence(), verdict.energy().level().name().toLowerCase(Locale.ROOT),
                    verdict.degraded() ? ", degraded: " + String.join(", ", verdict.missing()) + " missing" : "");
            case FileFailure failure -> "failed: " + failure.error();
        };
        return String.format(Locale.ROOT, "classify: %d/%d %s: %s", done, total, line.path(), outcome);
    }

    private static String json(FileResult line) throws CommandException {
        try {
            return Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new CommandException("cannot write the result as JSON: " + e.getMessage(), e);
        }
    }

    private static int atLeastOne(Arguments arguments, String name, int fallback) throws UsageException {
        int value = arguments.integer(name, fallback);
        if (value < 1) {
            throw new UsageException("--" + name + " must be at least 1, got " + value);
        }
        return value;
    }
}
