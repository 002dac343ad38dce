package org.latentledger.ui.tour;

import org.latentledger.projection.Method;
import org.latentledger.view.ColourMode;
import org.latentledger.view.Page;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.latentledger.data.DataFormatException;
import org.latentledger.data.ResourceRoot;

/**
 * Reads lessons from JSON ({@link LessonAction} lists the actions). A mistake is reported with
 * the file, the step and the action, and what was expected; nothing is half-read. The shipped
 * lessons are listed in {@code assets/lessons/index.json} (the class path cannot be listed).
 */
public final class LessonReader {

    public static final String INDEX = "assets/lessons/index.json";
    static final Set<String> PANELS = Set.of("map", "map3d", "journey", "route", "steering", "ledger", "costs", "verdict", "frontier");

    private LessonReader() {
    }

    /** The lessons shipped with the app, in the index's order. */
    public static List<Lesson> shipped(ResourceRoot root) throws IOException {
        String index = new String(root.read(INDEX), StandardCharsets.UTF_8);
        List<Lesson> lessons = new ArrayList<>();
        try {
            for (JsonElement e : JsonParser.parseString(index).getAsJsonArray()) {
                String file = "assets/lessons/" + e.getAsString();
                lessons.add(parse(new String(root.read(file), StandardCharsets.UTF_8), root.describe(file)));
            }
        } catch (IllegalStateException | JsonParseException | UnsupportedOperationException ex) {
            throw new DataFormatException(root.describe(INDEX), "a JSON array of lesson file names", ex.getMessage());
        }
        return lessons;
    }

    /** The shipped lessons' names, in the index's order: their file names without {@code .json} ("where-meaning-lives"). */
    public static List<String> shippedNames(ResourceRoot root) throws IOException {
        String index = new String(root.read(INDEX), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        try {
            for (JsonElement e : JsonParser.parseString(index).getAsJsonArray()) {
                names.add(e.getAsString().replaceFirst("\\.json$", ""));
            }
        } catch (IllegalStateException | JsonParseException | UnsupportedOperationException ex) {
            throw new DataFormatException(root.describe(INDEX), "a JSON array of lesson file names", ex.getMessage());
        }
        return names;
    }

    /**
     * A lesson file, or else a shipped lesson by its name (with or without {@code .json}, any
     * case). Anything else is refused with what was looked for and the shipped lessons' names;
     * a file that cannot be read says why.
     */
    public static Lesson find(ResourceRoot root, String ref) throws IOException {
        Path file;
        try {
            file = Path.of(ref);
        } catch (java.nio.file.InvalidPathException e) {
            file = null;
        }
        if (file != null && Files.isRegularFile(file)) {
            return readFile(file);
        }
        List<String> names = shippedNames(root);
        String name = ref.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.json$", "");
        if (names.contains(name)) {
            String shipped = "assets/lessons/" + name + ".json";
            return parse(new String(root.read(shipped), StandardCharsets.UTF_8), root.describe(shipped));
        }
        String known = String.join(", ", names);
        if (file != null && Files.isDirectory(file)) {
            throw new DataFormatException(ref, "a lesson file (JSON) or a shipped lesson's name (" + known + ")", "a folder");
        }
        if (ref.contains("/") || ref.contains(java.io.File.separator) || ref.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            throw new DataFormatException(ref, "a lesson file (JSON) or a shipped lesson's name (" + known + ")", "no such file");
        }
        throw new IllegalArgumentException("no shipped lesson is named '" + ref + "' and there is no file by that name; the shipped lessons are "
                + known + " (or give the path of a lesson file)");
    }

    private static Lesson readFile(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(file.toString(), "a lesson file in UTF-8 (JSON)", "bytes that are not UTF-8 text");
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "a file this user may not read"
                    : e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName() : e.getMessage();
            throw new DataFormatException(file.toString(), "a readable lesson file (JSON)", why, e);
        }
        return parse(json, file.toString());
    }

    public static Lesson read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static Lesson parse(String json, String source) throws DataFormatException {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new DataFormatException(source, "a lesson: a JSON object with \"title\" and \"steps\"", "not a JSON object ("
                    + whereMalformed(e) + ")");
        }
        String title = text(root, "title", source, "the lesson");
        String summary = root.has("summary") ? root.get("summary").getAsString() : "";
        JsonArray steps = array(root, "steps", source, "the lesson");
        if (steps.isEmpty()) {
            throw new DataFormatException(source, "at least one step", "an empty \"steps\" list");
        }
        List<Lesson.Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = "step " + (i + 1);
            if (!steps.get(i).isJsonObject()) {
                throw new DataFormatException(source, where + " as a JSON object", steps.get(i).toString());
            }
            JsonObject s = steps.get(i).getAsJsonObject();
            List<LessonAction> actions = new ArrayList<>();
            JsonArray a = s.has("actions") ? array(s, "actions", source, where) : new JsonArray();
            for (int k = 0; k < a.size(); k++) {
                actions.add(action(a.get(k), source, where + ", action " + (k + 1)));
            }
            out.add(new Lesson.Step(text(s, "title", source, where), text(s, "text", source, where), actions));
        }
        return new Lesson(title, summary, out, source);
    }

    /** Gson's message without its class names and advice: "malformed JSON at line 1 column 6". */
    private static String whereMalformed(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(m);
        if (e instanceof JsonParseException && at.find()) {
            return "malformed JSON at line " + at.group(1) + " column " + at.group(2);
        }
        return m.lines().findFirst().orElse(m);
    }

    private static LessonAction action(JsonElement e, String source, String where) throws DataFormatException {
        if (!e.isJsonObject() || !e.getAsJsonObject().has("do")) {
            throw new DataFormatException(source, where + ": an object with a \"do\" key", e.toString());
        }
        JsonObject o = e.getAsJsonObject();
        String kind = o.get("do").getAsString();
        try {
            return switch (kind) {
                case "open" -> {
                    String sample = optional(o, "sample");
                    String model = optional(o, "model");
                    String data = optional(o, "data");
                    if (sample == null && model == null && data == null) {
                        throw new IllegalArgumentException("\"sample\", \"model\" or \"data\"");
                    }
                    yield new LessonAction.Open(sample, model, data);
                }
                case "page" -> new LessonAction.Page(Page.parse(required(o, "page")));
                case "layer" -> new LessonAction.Layer(required(o, "layer"));
                case "method" -> {
                    Method m = Method.parse(required(o, "method"));
                    Integer dims = o.has("dims") ? o.get("dims").getAsInt() : null;
                    if (dims != null && dims != 2 && dims != 3) {
                        throw new IllegalArgumentException("\"dims\" to be 2 or 3");
                    }
                    yield new LessonAction.Method(m, dims, o.has("seed") ? o.get("seed").getAsLong() : null);
                }
                case "map" -> {
                    ColourMode colour = optional(o, "colour") == null ? null : ColourMode.parse(optional(o, "colour"));
                    yield new LessonAction.MapOptions(o.has("regions") ? o.get("regions").getAsBoolean() : null,
                            o.has("axes") ? o.get("axes").getAsBoolean() : null, colour);
                }
                case "query" -> new LessonAction.Query(integer(o, "point"));
                case "interpolate" -> new LessonAction.Interpolate(integer(o, "a"), integer(o, "b"), number(o, "t"));
                case "journey-layer" -> new LessonAction.JourneyLayer(required(o, "layer"));
                case "play" -> new LessonAction.Play(true);
                case "pause" -> new LessonAction.Play(false);
                case "steer" -> new LessonAction.Steer(required(o, "layer"), required(o, "axis"), number(o, "alpha"));
                case "text" -> new LessonAction.Text(required(o, "text"));
                case "phrase-axis" -> new LessonAction.PhraseAxis(required(o, "layer"), required(o, "from"), required(o, "to"),
                        optional(o, "name"));
                case "policy" -> {
                    yield new LessonAction.Policy(org.latentledger.economy.SparsityPolicy.parse(required(o, "policy")));
                }
                case "slider" -> {
                    double v = number(o, "value");
                    if (v < 0 || v > 1) {
                        throw new IllegalArgumentException("\"value\" between 0 and 1");
                    }
                    yield new LessonAction.Slider(v);
                }
                case "frontier" -> new LessonAction.ComputeFrontier();
                case "knee" -> new LessonAction.Knee();
                case "highlight" -> {
                    String panel = required(o, "panel");
                    if (!PANELS.contains(panel)) {
                        throw new IllegalArgumentException("\"panel\" to be one of " + String.join(", ", new java.util.TreeSet<>(PANELS)));
                    }
                    yield new LessonAction.Highlight(panel);
                }
                default -> throw new IllegalArgumentException("\"do\" to be one of open, page, layer, method, map, query, interpolate, "
                        + "journey-layer, play, pause, steer, text, phrase-axis, policy, slider, frontier, knee, highlight");
            };
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
            throw new DataFormatException(source, where + " (\"" + kind + "\"): " + ex.getMessage(), o.toString());
        }
    }

    private static String text(JsonObject o, String key, String source, String where) throws DataFormatException {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw new DataFormatException(source, where + ": a \"" + key + "\" text", o.has(key) ? o.get(key).toString() : "no \"" + key + "\"");
        }
        return o.get(key).getAsString();
    }

    private static JsonArray array(JsonObject o, String key, String source, String where) throws DataFormatException {
        if (!o.has(key) || !o.get(key).isJsonArray()) {
            throw new DataFormatException(source, where + ": a \"" + key + "\" list", o.has(key) ? o.get(key).toString() : "no \"" + key + "\"");
        }
        return o.get(key).getAsJsonArray();
    }

    private static String required(JsonObject o, String key) {
        String v = optional(o, key);
        if (v == null) {
            throw new IllegalArgumentException("a \"" + key + "\"");
        }
        return v;
    }

    private static String optional(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    private static int integer(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalArgumentException("a whole number \"" + key + "\"");
        }
        return o.get(key).getAsInt();
    }

    private static double number(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalArgumentException("a number \"" + key + "\"");
        }
        return o.get(key).getAsDouble();
    }
}
