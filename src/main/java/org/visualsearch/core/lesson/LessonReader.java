package org.visualsearch.core.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.visualsearch.core.common.ErrorText;
import org.visualsearch.core.lesson.LessonProblem.Severity;
import org.visualsearch.core.text.Suggestions;

/**
 * Reads a lesson file (YAML, or JSON when it ends in {@code .json}). Every problem is reported with
 * its line, and a bad step drops only that step: a teacher with one typo still has a lesson.
 *
 * <pre>
 * title: Dogs, food and one mistake
 * reveal: worst-first              # default for every step: worst-first or best-first
 * steps:
 *   - sample: dog/dog-15.jpg       # a photo of the sample gallery, by its name there
 *     title: A bulldog
 *     note: The gallery also holds German shepherds. Which come first?
 *   - photo: photos/my-cat.jpg     # a photo relative to this file
 *     model: histogram             # optional: the model for this step
 * </pre>
 *
 * The parser is streamed rather than bound to a tree so that each key keeps its line number.
 */
public final class LessonReader {
    /** A lesson is a few dozen lines; anything this big is not one (and is not read into memory). */
    static final long MAX_BYTES = 1L << 20;
    private static final List<String> LESSON_KEYS = List.of("title", "reveal", "steps");
    private static final List<String> STEP_KEYS = List.of("photo", "sample", "title", "note", "model", "reveal");

    private final Path sampleGallery;
    private final Predicate<String> modelExists;

    /**
     * @param sampleGallery the sample gallery folder that {@code sample:} names resolve in; may be null
     * @param modelExists   whether a model key (as {@code --model} takes it) names an installed model
     */
    public LessonReader(Path sampleGallery, Predicate<String> modelExists) {
        this.sampleGallery = sampleGallery;
        this.modelExists = Objects.requireNonNull(modelExists);
    }

    /** Reads the lesson; never throws for a bad file, but says what was wrong in the lesson's problems. */
    public Lesson read(Path file) {
        Reading reading = new Reading(file);
        String fault = fileFault(file);
        if (fault != null) {
            reading.error(0, fault);
            return reading.lesson();
        }
        ObjectMapper mapper = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? new JsonMapper() : new YAMLMapper();
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            reading.document(parser);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            reading.error(where == null ? 0 : Math.max(0, where.getLineNr()), "cannot be read: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            reading.error(0, "cannot be read: " + ErrorText.oneLine(e));
        }
        if (reading.steps.isEmpty() && !reading.hasErrors()) {
            reading.error(0, "the lesson has no steps (add a list under 'steps:')");
        }
        return reading.lesson();
    }

    /** Why the path cannot be a lesson file, or null. Checked before opening: a FIFO would block for ever. */
    private static String fileFault(Path file) {
        if (!Files.exists(file)) {
            return "file not found";
        }
        if (Files.isDirectory(file)) {
            return "is a folder, not a lesson file";
        }
        if (!Files.isRegularFile(file)) {
            return "is not a regular file";
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return "is " + (size >> 20) + " MB, too large for a lesson file (at most 1 MB)";
            }
        } catch (IOException e) {
            return "cannot be read: " + ErrorText.oneLine(e);
        }
        if (!Files.isReadable(file)) {
            return "cannot be read: permission denied";
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static int line(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    /** One read of one file: collects steps and problems as the parser goes. */
    private final class Reading {
        private final Path file;
        private final List<LessonStep> steps = new ArrayList<>();
        private final List<LessonProblem> problems = new ArrayList<>();
        private String title;
        private RevealOrder defaultReveal = RevealOrder.WORST_FIRST;
        /** Steps are read before a later top-level {@code reveal:} is known; raw values wait here. */
        private final List<Map<String, Value>> rawSteps = new ArrayList<>();
        private final List<int[]> rawStepPlaces = new ArrayList<>();

        Reading(Path file) {
            this.file = file;
        }

        void error(int line, String message) {
            problems.add(new LessonProblem(file, line, Severity.ERROR, message));
        }

        void warn(int line, String message) {
            problems.add(new LessonProblem(file, line, Severity.WARNING, message));
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        }

        void document(JsonParser parser) throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                error(0, "the file is empty");
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                error(line(parser), "a lesson starts with keys such as 'title:' and 'steps:', not a "
                        + describe(token));
                return;
            }
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    JsonToken value = parser.nextToken();
                    switch (key) {
                        case "title" -> title = scalar(parser, keyLine, key);
                        case "reveal" -> {
                            String text = scalar(parser, keyLine, key);
                            if (text != null) {
                                defaultReveal = reveal(text, keyLine, defaultReveal);
                            }
                        }
                        case "steps" -> readSteps(parser, value, keyLine);
                        default -> {
                            warn(keyLine, unknownKey(key, LESSON_KEYS));
                            parser.skipChildren();
                        }
                    }
                }
            } finally {
                // Steps parsed before a syntax error still count: build them whatever happens next.
                buildSteps();
            }
        }

        private void readSteps(JsonParser parser, JsonToken value, int keyLine) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                error(keyLine, "'steps' must be a list (each step starts with '- ')");
                parser.skipChildren();
                return;
            }
            int number = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                number++;
                int stepLine = line(parser);
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    error(stepLine, "step " + number + " must have keys such as 'photo:' or 'sample:', not a "
                            + describe(parser.currentToken()));
                    parser.skipChildren();
                    continue;
                }
                Map<String, Value> values = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int line = line(parser);
                    parser.nextToken();
                    JsonNode node = parser.readValueAsTree();
                    values.put(key, new Value(line, node));
                }
                rawSteps.add(values);
                rawStepPlaces.add(new int[] {number, stepLine});
            }
        }

        private void buildSteps() {
            for (int i = 0; i < rawSteps.size(); i++) {
                int[] place = rawStepPlaces.get(i);
                LessonStep step = step(place[0], place[1], rawSteps.get(i));
                if (step != null) {
                    steps.add(step);
                }
            }
            rawSteps.clear();
            rawStepPlaces.clear();
        }

        /** The step, or null (with an error) when it cannot be shown. */
        private LessonStep step(int number, int line, Map<String, Value> values) {
            String label = "step " + number;
            for (Map.Entry<String, Value> entry : values.entrySet()) {
                if (!STEP_KEYS.contains(entry.getKey())) {
                    warn(entry.getValue().line(), label + ": " + unknownKey(entry.getKey(), STEP_KEYS));
                }
            }
            Value photo = values.get("photo");
            Value sample = values.get("sample");
            if (photo != null && sample != null) {
                error(sample.line(), label + " has both 'photo' and 'sample': keep one");
                return null;
            }
            if (photo == null && sample == null) {
                error(line, label + " has no query photo: add 'photo: FILE' (relative to the lesson) "
                        + "or 'sample: NAME' (a sample-gallery photo, e.g. dog/dog-01.jpg)");
                return null;
            }
            Path query = photo != null ? resolvePhoto(label, photo) : resolveSample(label, sample);
            if (query == null) {
                return null;
            }
            String model = null;
            Value modelValue = values.get("model");
            if (modelValue != null) {
                model = text(label, "model", modelValue);
                if (model == null || model.isBlank()) {
                    error(modelValue.line(), label + ": 'model' is empty");
                    return null;
                }
                if (!modelExists.test(model)) {
                    error(modelValue.line(), label + ": unknown model '" + model + "' (not installed under models/; "
                            + "'default' and 'histogram' always exist)");
                    return null;
                }
            }
            RevealOrder reveal = defaultReveal;
            Value revealValue = values.get("reveal");
            if (revealValue != null) {
                String text = text(label, "reveal", revealValue);
                if (text != null) {
                    reveal = reveal(text, revealValue.line(), defaultReveal);
                }
            }
            return new LessonStep(number, line, query, orEmpty(text(label, "title", values.get("title"))),
                    orEmpty(text(label, "note", values.get("note"))), model, reveal);
        }

        private Path resolvePhoto(String label, Value value) {
            String name = text(label, "photo", value);
            if (name == null || name.isBlank()) {
                error(value.line(), label + ": 'photo' is empty");
                return null;
            }
            Path base = file.toAbsolutePath().getParent();
            Path resolved;
            try {
                resolved = base.resolve(name).normalize();
            } catch (InvalidPathException e) {
                error(value.line(), label + ": '" + name + "' is not a valid file name");
                return null;
            }
            if (!Files.exists(resolved)) {
                error(value.line(), label + ": photo not found: " + name + " (looked in " + base + ")");
                return null;
            }
            if (!Files.isRegularFile(resolved)) {
                error(value.line(), label + ": " + name + " is not a photo file");
                return null;
            }
            return resolved;
        }

        private Path resolveSample(String label, Value value) {
            String name = text(label, "sample", value);
            if (name == null || name.isBlank()) {
                error(value.line(), label + ": 'sample' is empty");
                return null;
            }
            if (sampleGallery == null) {
                error(value.line(), label + ": there is no sample gallery to take " + name + " from");
                return null;
            }
            Path resolved;
            try {
                resolved = sampleGallery.resolve(name).normalize();
            } catch (InvalidPathException e) {
                error(value.line(), label + ": '" + name + "' is not a valid sample photo name");
                return null;
            }
            if (!resolved.startsWith(sampleGallery.normalize())) {
                error(value.line(), label + ": '" + name + "' is outside the sample gallery");
                return null;
            }
            if (!Files.isRegularFile(resolved)) {
                error(value.line(), label + ": sample photo not found: " + name
                        + " (is the sample gallery imported? 'sample-db import FOLDER' or 'sample-db download')");
                return null;
            }
            return resolved;
        }

        private String text(String label, String key, Value value) {
            if (value == null) {
                return null;
            }
            JsonNode node = value.node();
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                error(value.line(), label + ": '" + key + "' must be one value, not a "
                        + (node.isArray() ? "list" : "group of keys"));
                return null;
            }
            return node.asText();
        }

        private String scalar(JsonParser parser, int keyLine, String key) throws IOException {
            if (parser.currentToken().isScalarValue()) {
                return parser.getValueAsString();
            }
            error(keyLine, "'" + key + "' must be one value");
            parser.skipChildren();
            return null;
        }

        private RevealOrder reveal(String text, int line, RevealOrder fallback) {
            return RevealOrder.fromKey(text).orElseGet(() -> {
                warn(line, "unknown reveal order '" + text + "' (use worst-first or best-first); using "
                        + fallback.key());
                return fallback;
            });
        }

        Lesson lesson() {
            String name = title;
            if (name == null || name.isBlank()) {
                Path fileName = file.getFileName();
                name = fileName == null ? file.toString() : fileName.toString().replaceFirst("\\.(ya?ml|json)$", "");
            }
            List<LessonProblem> ordered = new ArrayList<>(problems);
            ordered.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new Lesson(file, name, steps, ordered);
        }
    }

    private record Value(int line, JsonNode node) {
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "list";
            case VALUE_STRING -> "line of text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            default -> "single value";
        };
    }

    static String unknownKey(String key, List<String> known) {
        String suggestion = Suggestions.closest(key, known);
        return "unknown key '" + key + "'" + (suggestion == null ? " (known: " + String.join(", ", known) + ")"
                : "; did you mean '" + suggestion + "'?");
    }
}
