package org.latentledger.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.latentledger.atlas.MapSpec;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.view.ColourMode;
import org.latentledger.view.ConvView;
import org.latentledger.view.Page;
import org.latentledger.view.QuerySource;
import org.latentledger.view.Theme;

/**
 * Everything a demo needs to come back as it was: which model and data (each by path, SHA-256
 * and bundled name), the page, the map (layer, spec, colour, classes left out, renamed regions,
 * concept axes), the journey (its layer maps, query, layer shown, steering, phrase axes), the
 * ledger (policy and energy constants) and the look. Its JSON keys are a contract (scripts and
 * lessons write workspaces): see {@link #toJson()}.
 *
 * @param model   the model, or null when only data is open
 * @param data    the data, or null
 * @param layer   the map's layer by name, or null for the model's default
 */
public record Workspace(FileRef model, FileRef data, Page page, String layer, MapState map, JourneyState journey, LedgerState ledger,
                        Look look) {

    /** The format's name and version in every file: a newer version is refused, not half-read. */
    public static final String FORMAT = "latent-ledger-workspace";
    public static final int VERSION = 1;

    /** A file the workspace opens: where it was, its SHA-256, and the bundled model or data set it is, if one. */
    public record FileRef(String path, String sha256, String bundled) {
    }

    /**
     * @param hiddenClasses label indices left out of the map
     * @param regionNames   renamed regions: region index to the name the user gave
     * @param conceptAxes   concept axes as {from region, to region}
     */
    public record MapState(MapSpec spec, ColourMode colour, boolean regions, boolean axes, List<Integer> hiddenClasses,
                           Map<Integer, String> regionNames, List<int[]> conceptAxes) {

        public MapState {
            hiddenClasses = List.copyOf(hiddenClasses);
            regionNames = Map.copyOf(regionNames);
            conceptAxes = conceptAxes.stream().map(int[]::clone).toList();
        }
    }

    /**
     * The journey's query: where it comes from and that source's own values (only the one in use
     * matters; all are kept so switching source in the window finds what was there).
     */
    public record Query(QuerySource source, int point, float[] drawing, int pointA, int pointB, double t, String typed, String text) {
    }

    /** An axis made from two phrases at a journey layer. */
    public record PhraseAxis(int layer, String from, String to, String name) {
    }

    /**
     * @param steerAxis the steering axis by name ("PC1 (19.0%)", a concept or phrase axis's name), or null
     */
    public record JourneyState(Method layerMaps, Query query, int layerShown, int steerLayer, String steerAxis, double alpha,
                               List<PhraseAxis> phraseAxes) {

        public JourneyState {
            phraseAxes = List.copyOf(phraseAxes);
        }
    }

    /** @param policy the ledger's policy as the command line writes it ("topk:0.1"), or null for its default */
    public record LedgerState(String policy, double macPj, double readPj, String memory) {
    }

    public record Look(Theme theme, boolean presentation) {
    }

    /** The workspace as its file holds it. */
    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("format", FORMAT);
        j.addProperty("version", VERSION);
        j.addProperty("app_version", org.latentledger.Version.current());
        j.add("model", ref(model));
        j.add("data", ref(data));
        j.addProperty("page", page.cliName());
        j.addProperty("layer", layer);
        JsonObject m = new JsonObject();
        MapSpec s = map.spec();
        m.addProperty("method", s.method().cliName());
        m.addProperty("engine", s.engine().cliName());
        m.addProperty("dims", s.dims());
        m.addProperty("perplexity", s.perplexity());
        m.addProperty("neighbours", s.neighbours());
        m.addProperty("min_dist", s.minDist());
        m.addProperty("iterations", s.iterations());
        m.addProperty("seed", s.seed());
        m.addProperty("conv_view", s.convView().cliName());
        m.addProperty("colour", map.colour().cliName());
        m.addProperty("regions", map.regions());
        m.addProperty("axes", map.axes());
        JsonArray hidden = new JsonArray();
        map.hiddenClasses().forEach(hidden::add);
        m.add("hidden_classes", hidden);
        JsonObject names = new JsonObject();
        new TreeMap<>(map.regionNames()).forEach((k, v) -> names.addProperty(Integer.toString(k), v));
        m.add("region_names", names);
        JsonArray concept = new JsonArray();
        for (int[] a : map.conceptAxes()) {
            JsonArray pair = new JsonArray();
            pair.add(a[0]);
            pair.add(a[1]);
            concept.add(pair);
        }
        m.add("concept_axes", concept);
        j.add("map", m);
        JsonObject jo = new JsonObject();
        jo.addProperty("layer_maps", journey.layerMaps().cliName());
        Query q = journey.query();
        JsonObject query = new JsonObject();
        query.addProperty("source", q.source().cliName());
        query.addProperty("point", q.point());
        if (q.drawing() != null && drawn(q.drawing())) {
            JsonArray px = new JsonArray();
            for (float v : q.drawing()) {
                px.add(v);
            }
            query.add("drawing", px);
        }
        query.addProperty("point_a", q.pointA());
        query.addProperty("point_b", q.pointB());
        query.addProperty("t", q.t());
        query.addProperty("typed", q.typed());
        query.addProperty("text", q.text());
        jo.add("query", query);
        jo.addProperty("layer_shown", journey.layerShown());
        JsonObject steer = new JsonObject();
        steer.addProperty("layer", journey.steerLayer());
        steer.addProperty("axis", journey.steerAxis());
        steer.addProperty("alpha", journey.alpha());
        jo.add("steering", steer);
        JsonArray phrases = new JsonArray();
        for (PhraseAxis p : journey.phraseAxes()) {
            JsonObject pa = new JsonObject();
            pa.addProperty("layer", p.layer());
            pa.addProperty("from", p.from());
            pa.addProperty("to", p.to());
            pa.addProperty("name", p.name());
            phrases.add(pa);
        }
        jo.add("phrase_axes", phrases);
        j.add("journey", jo);
        JsonObject l = new JsonObject();
        l.addProperty("policy", ledger.policy());
        JsonObject energy = new JsonObject();
        energy.addProperty("mac_pj", ledger.macPj());
        energy.addProperty("read_pj", ledger.readPj());
        energy.addProperty("memory", ledger.memory());
        l.add("energy", energy);
        j.add("ledger", l);
        JsonObject look = new JsonObject();
        look.addProperty("theme", this.look.theme().cliName());
        look.addProperty("presentation", this.look.presentation());
        j.add("look", look);
        return j;
    }

    /** A pad with ink on it (a blank one is not written). */
    private static boolean drawn(float[] pixels) {
        for (float v : pixels) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    private static JsonElement ref(FileRef r) {
        if (r == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("path", r.path());
        o.addProperty("sha256", r.sha256());
        o.addProperty("bundled", r.bundled());
        return o;
    }

    /**
     * Reads a workspace's JSON. Every key is checked as it is read: a missing or mistyped one is
     * an {@link IllegalArgumentException} naming it (the file reader turns it into a message).
     */
    public static Workspace fromJson(JsonObject j) {
        Fields f = new Fields(j, "");
        Fields m = f.object("map");
        MapSpec spec = new MapSpec(Method.parse(m.string("method")), Engine.parse(m.string("engine")), m.integer("dims"),
                m.number("perplexity"), m.integer("neighbours"), m.number("min_dist"), m.integer("iterations"), m.longValue("seed"),
                ConvView.parse(m.string("conv_view")));
        List<Integer> hidden = new ArrayList<>();
        for (JsonElement e : m.array("hidden_classes")) {
            hidden.add(Fields.asInt(e, "map.hidden_classes"));
        }
        Map<Integer, String> names = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : m.object("region_names").json().entrySet()) {
            try {
                names.put(Integer.parseInt(e.getKey()), e.getValue().getAsString());
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("map.region_names: a region index and a name, not '" + e.getKey() + "'");
            }
        }
        List<int[]> concept = new ArrayList<>();
        for (JsonElement e : m.array("concept_axes")) {
            if (!e.isJsonArray() || e.getAsJsonArray().size() != 2) {
                throw new IllegalArgumentException("map.concept_axes: pairs of region indices, not " + e);
            }
            concept.add(new int[] {Fields.asInt(e.getAsJsonArray().get(0), "map.concept_axes"),
                    Fields.asInt(e.getAsJsonArray().get(1), "map.concept_axes")});
        }
        MapState map = new MapState(spec, ColourMode.parse(m.string("colour")), m.bool("regions"), m.bool("axes"), hidden, names, concept);
        Fields jo = f.object("journey");
        Fields q = jo.object("query");
        float[] drawing = null;
        if (q.json().has("drawing") && !q.json().get("drawing").isJsonNull()) {
            JsonArray px = q.array("drawing");
            drawing = new float[px.size()];
            for (int i = 0; i < drawing.length; i++) {
                drawing[i] = (float) Fields.asDouble(px.get(i), "journey.query.drawing");
            }
        }
        Query query = new Query(QuerySource.parse(q.string("source")), q.integer("point"), drawing, q.integer("point_a"), q.integer("point_b"),
                q.number("t"), q.optString("typed"), q.optString("text"));
        Fields steer = jo.object("steering");
        List<PhraseAxis> phrases = new ArrayList<>();
        for (JsonElement e : jo.array("phrase_axes")) {
            Fields p = new Fields(e.getAsJsonObject(), "journey.phrase_axes.");
            phrases.add(new PhraseAxis(p.integer("layer"), p.string("from"), p.string("to"), p.string("name")));
        }
        JourneyState journey = new JourneyState(Method.parse(jo.string("layer_maps")), query, jo.integer("layer_shown"),
                steer.integer("layer"), steer.optString("axis"), steer.number("alpha"), phrases);
        Fields l = f.object("ledger");
        Fields energy = l.object("energy");
        LedgerState ledger = new LedgerState(l.optString("policy"), energy.number("mac_pj"), energy.number("read_pj"), energy.string("memory"));
        Fields look = f.object("look");
        return new Workspace(f.ref("model"), f.ref("data"), Page.parse(f.string("page")), f.optString("layer"), map, journey, ledger,
                new Look(Theme.parse(look.string("theme")), look.bool("presentation")));
    }

    /** Keys read with their path in messages ("map.seed: a number, not "x""). */
    private record Fields(JsonObject json, String at) {

        Fields object(String key) {
            JsonElement e = need(key);
            if (!e.isJsonObject()) {
                throw wrong(key, "an object", e);
            }
            return new Fields(e.getAsJsonObject(), at + key + ".");
        }

        JsonArray array(String key) {
            JsonElement e = need(key);
            if (!e.isJsonArray()) {
                throw wrong(key, "a list", e);
            }
            return e.getAsJsonArray();
        }

        String string(String key) {
            JsonElement e = need(key);
            if (!e.isJsonPrimitive()) {
                throw wrong(key, "a text", e);
            }
            return e.getAsString();
        }

        String optString(String key) {
            JsonElement e = json.get(key);
            return e == null || e.isJsonNull() ? null : string(key);
        }

        double number(String key) {
            return asDouble(need(key), at + key);
        }

        int integer(String key) {
            return asInt(need(key), at + key);
        }

        long longValue(String key) {
            JsonElement e = need(key);
            try {
                return e.getAsLong();
            } catch (RuntimeException bad) {
                throw wrong(key, "a whole number", e);
            }
        }

        boolean bool(String key) {
            JsonElement e = need(key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw wrong(key, "true or false", e);
            }
            return e.getAsBoolean();
        }

        FileRef ref(String key) {
            JsonElement e = need(key);
            if (e.isJsonNull()) {
                return null;
            }
            Fields r = object(key);
            return new FileRef(r.optString("path"), r.optString("sha256"), r.optString("bundled"));
        }

        private JsonElement need(String key) {
            JsonElement e = json.get(key);
            if (e == null) {
                throw new IllegalArgumentException(at + key + " is missing");
            }
            return e;
        }

        private IllegalArgumentException wrong(String key, String expected, JsonElement found) {
            return new IllegalArgumentException(at + key + ": " + expected + ", not " + found);
        }

        static double asDouble(JsonElement e, String where) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException(where + ": a number, not " + e);
            }
            return e.getAsDouble();
        }

        static int asInt(JsonElement e, String where) {
            double v = asDouble(e, where);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + ": a whole number, not " + e);
            }
            return (int) v;
        }
    }
}
