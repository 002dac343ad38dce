package org.latentledger.ui.shell;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.Dataset;
import org.latentledger.economy.FrontierRun;
import org.latentledger.economy.Ledger;
import org.latentledger.export.Provenance;
import org.latentledger.model.LoadedModel;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;

/**
 * The provenance of a picture of the window, built from the results that are drawn (the map's
 * finished or converging layout, the journey's layer maps, the ledger's passes, the frontier as
 * swept) and never from the controls, which may say something else while work is under way.
 */
final class WindowProvenance {

    private WindowProvenance() {
    }

    static Provenance of(MainViewModel vm, ExportTarget target) {
        Page page = target.page() != null ? target.page() : vm.pageProperty().get();
        LoadedModel m = vm.modelProperty().get();
        Dataset d = vm.datasetProperty().get();
        Map<String, Object> sections = new LinkedHashMap<>();
        String layer = null;
        MapSpec drawn = null;
        String query = null;
        String policy = null;
        switch (page) {
            case MAP -> {
                MapViewModel map = vm.map();
                drawn = map.shownSpecProperty().get();
                LayerAtlas atlas = map.atlasProperty().get();
                layer = atlas != null ? atlas.layer().name() : vm.selectedLayerProperty().get() == null ? null
                        : vm.selectedLayerProperty().get().name();
                var remembered = map.rememberedProperty().get();
                if (remembered != null && remembered.layout() == map.projectionProperty().get()) {
                    // Drawn before this opening's forward pass: the picture is of the files the layout was remembered for.
                    Map<String, Object> section = spec(remembered.spec());
                    section.put("remembered_from_last_opening", true);
                    sections.put("map", section);
                    return new Provenance(target.cliName(), remembered.modelSource(), remembered.modelHash(), remembered.data().source(),
                            remembered.data().hash(), remembered.layer(), remembered.spec().method().cliName(), remembered.spec().parameters(),
                            remembered.spec().seed(), null, null, sections, vm.appearance().themeProperty().get().cliName(), 1, 0, 0,
                            org.latentledger.Version.current(), OffsetDateTime.now().withNano(0).toString());
                }
                if (drawn != null) {
                    Map<String, Object> section = spec(drawn);
                    section.put("converging", atlas == null || atlas.map() != map.projectionProperty().get());
                    if (atlas != null && atlas.measured()) {
                        section.put("trustworthiness_k5", atlas.trust());
                    }
                    sections.put("map", section);
                }
            }
            case JOURNEY -> {
                JourneyViewModel j = vm.journey();
                drawn = j.layerMapsSpec();
                query = j.describeQuery();
                var atlases = j.atlasesProperty().get();
                int l = j.currentLayerProperty().get();
                layer = l >= 0 && l < atlases.size() ? atlases.get(l).layer().name() : null;
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("layer_maps", drawn == null ? null : spec(drawn));
                section.put("query", query);
                section.put("layer_shown", layer);
                if (j.steeredProperty().get() != null && j.steerAxisProperty().get() != null) {
                    section.put("steering", Map.of("layer", atlases.get(j.steerLayerProperty().get()).layer().name(), "axis",
                            j.steerAxisProperty().get().name(), "alpha", j.alphaProperty().get()));
                }
                sections.put("journey", section);
            }
            case LEDGER -> {
                Ledger shown = vm.ledger().ledgerProperty().get();
                policy = shown == null ? null : shown.sparse().policy().spec();
                query = vm.journey().describeQuery();
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("policy", policy);
                section.put("query", query);
                sections.put("ledger", section);
                FrontierRun run = vm.ledger().frontierRunProperty().get();
                if (run != null) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("policy", run.kind().cliName());
                    f.put("steps", run.steps());
                    if (run.rank() > 0) {
                        f.put("rank", run.rank());
                    }
                    f.put("points", run.points());
                    f.put("of", run.of());
                    f.put("sample_seed", run.seed());
                    f.put("knee", run.result().knee() == null ? null : run.result().knee().policy().spec());
                    sections.put("frontier", f);
                }
            }
        }
        if (vm.workspaceFileProperty().get() != null) {
            // Made from a workspace (opened or saved): the sidecar names it, so the picture can be made again.
            sections.put("workspace", vm.workspaceFileProperty().get().toAbsolutePath().toString());
        }
        return new Provenance(target.cliName(), m == null ? null : m.source(), m == null ? null : m.hash(), d == null ? null : d.source(),
                d == null ? null : d.hash(), layer, drawn == null ? null : drawn.method().cliName(),
                drawn == null ? Map.of() : drawn.parameters(), drawn == null ? 0 : drawn.seed(), policy, query, sections,
                vm.appearance().themeProperty().get().cliName(), 1, 0, 0, org.latentledger.Version.current(),
                OffsetDateTime.now().withNano(0).toString());
    }

    /** A spec as the sidecar's JSON: method, engine, parameters, seed and conv view. */
    static Map<String, Object> spec(MapSpec s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("method", s.method().cliName());
        j.put("engine", s.effectiveEngine().cliName());
        j.put("parameters", s.parameters());
        j.put("seed", s.seed());
        j.put("conv_view", s.convView().cliName());
        return j;
    }
}
