package org.latentledger.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.atlas.LayerAtlas;
import org.latentledger.atlas.MapSpec;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.export.Provenance;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Method;
import org.latentledger.projection.ProjectionCache;
import org.latentledger.ui.jobs.CurrentThreadJobRunner;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;

/**
 * The main window's view model with the synchronous job runner: no toolkit, no window, no
 * polling. Each command has done all it starts when it returns.
 */
class MainViewModelSyncTest {

    private static MainViewModel vm(Path cache) {
        return new MainViewModel(ResourceRoot.directory(Path.of(".")), new CurrentThreadJobRunner(), RecentFiles.inMemory(),
                new ProjectionCache(cache));
    }

    @Test
    void pagesAreViewModelStateAndEachSettlesWithWhatItShows(@TempDir Path cache) {
        MainViewModel vm = vm(cache);
        assertFalse(vm.isSettled(), "nothing opened yet");
        vm.openSample(SampleModel.DIGITS_MLP);
        assertTrue(vm.isSettled());
        assertEquals(Page.MAP, vm.pageProperty().get());
        assertNotNull(vm.map().atlasProperty().get());
        assertTrue(vm.journey().atlasesProperty().get().isEmpty(), "the journey's maps are made when it is shown");

        vm.navigate(Page.JOURNEY);
        assertEquals(Page.JOURNEY, vm.pageProperty().get());
        assertTrue(vm.isSettled());
        assertEquals(4, vm.journey().atlasesProperty().get().size());
        assertNotNull(vm.journey().journeyProperty().get());

        vm.navigate(Page.LEDGER);
        assertTrue(vm.isSettled());
        assertNotNull(vm.ledger().ledgerProperty().get());
        assertFalse(vm.ledger().timingProperty().get().isEmpty(), "timed once the slider settled (at once here)");
        assertNull(vm.problemProperty().get());
    }

    @Test
    void theMapsSidecarSaysWhatIsDrawnNotWhatTheControlsSay(@TempDir Path cache) {
        MainViewModel vm = vm(cache);
        vm.openSample(SampleModel.DIGITS_MLP);
        vm.map().settingsProperty().set(MapSpec.DEFAULT.withMethod(Method.UMAP).withSeed(7));
        LayerAtlas drawn = vm.map().atlasProperty().get();
        assertEquals(Method.UMAP, drawn.spec().method());
        assertTrue(drawn.map().method().startsWith("UMAP 2D"), drawn.map().method());

        Provenance p = vm.provenance(ExportTarget.MAP);
        assertEquals("umap", p.method());
        assertEquals(7, p.seed());
        assertEquals(Map.of("dims", 2, "neighbours", 15, "min_dist", 0.1), p.parameters());
        assertEquals("hidden3", p.layer());
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) p.sections().get("map");
        assertEquals("umap", map.get("method"));
        assertEquals("ours", map.get("engine"));
        assertEquals(false, map.get("converging"));
        assertEquals(drawn.trust(), (double) map.get("trustworthiness_k5"));
    }

    @Test
    void aJourneyOnTsneLayerMapsSaysSoAndTheMapsSeed(@TempDir Path cache, @TempDir Path dir) throws Exception {
        MainViewModel vm = vm(cache);
        // 300 digits, so t-SNE of every layer takes a second.
        Dataset all = SampleModel.DIGITS_MLP.data().load(ResourceRoot.directory(Path.of(".")));
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 64; c++) {
            csv.append("p").append(c).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < 300; i++) {
            for (float v : all.features()[i]) {
                csv.append(String.format(Locale.ROOT, "%.6f,", v));
            }
            csv.append(all.labels()[i]).append('\n');
        }
        Path data = Files.writeString(dir.resolve("digits-300.csv"), csv);
        vm.open(Path.of(SampleModel.DIGITS_MLP.zipPath()), data);
        assertNull(vm.problemProperty().get());
        vm.map().settingsProperty().set(MapSpec.DEFAULT.withSeed(11));
        vm.journey().methodProperty().set(Method.TSNE);
        vm.navigate(Page.JOURNEY);
        assertTrue(vm.isSettled());
        var atlases = vm.journey().atlasesProperty().get();
        assertEquals(4, atlases.size());
        assertTrue(atlases.stream().allMatch(a -> a.map().method().startsWith("t-SNE 2D") && a.map().method().contains("seed 11")),
                atlases.getFirst().map().method());

        // The map page's control changes; the journey drawn does not, and neither does its sidecar.
        vm.map().settingsProperty().set(MapSpec.DEFAULT.withSeed(99));
        Provenance p = vm.provenance(ExportTarget.JOURNEY);
        assertEquals("tsne", p.method());
        assertEquals(11, p.seed());
        @SuppressWarnings("unchecked")
        Map<String, Object> journey = (Map<String, Object>) p.sections().get("journey");
        @SuppressWarnings("unchecked")
        Map<String, Object> maps = (Map<String, Object>) journey.get("layer_maps");
        assertEquals("tsne", maps.get("method"));
        assertEquals(11L, maps.get("seed"));
        assertEquals("point 0", journey.get("query"));
        assertTrue(p.toJson().contains("\"layer_maps\": {"), p.toJson());
    }

    @Test
    void theViewModelRefusesOtherThreads(@TempDir Path cache) throws Exception {
        MainViewModel vm = vm(cache);
        Throwable[] thrown = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                vm.navigate(Page.LEDGER);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        other.start();
        other.join();
        assertNotNull(thrown[0]);
        assertEquals(IllegalStateException.class, thrown[0].getClass());
        assertEquals(Page.MAP, vm.pageProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.openSample("no-such-model"));
    }

    @Test
    void aSentenceIsTheQueryOfAModelThatReadsText(@TempDir Path cache) {
        MainViewModel vm = vm(cache);
        vm.openSample(SampleModel.CONCEPTS);
        assertNull(vm.problemProperty().get());
        assertEquals(org.latentledger.view.QuerySource.TEXT, vm.journey().sourceProperty().get(), "a text model starts on text");
        vm.navigate(Page.JOURNEY);
        assertTrue(vm.isSettled(), "settled with the maps ready and no sentence yet");
        assertNull(vm.journey().journeyProperty().get());

        vm.journey().textProperty().set("why do leaves change colour in autumn");
        assertTrue(vm.isSettled());
        var tokens = vm.journey().tokensProperty().get();
        assertEquals(java.util.List.of("leaf", "change", "colour", "autumn"), tokens.known());
        assertNotNull(vm.journey().journeyProperty().get());
        assertTrue(vm.journey().journeyProperty().get().stops().getFirst().regionName().matches("(noun|verb|adj|adv)\\..*"),
                "regions are named by category");

        // The ledger follows the same sentence: a handful of live inputs out of 8,000.
        vm.ledger().apply(new org.latentledger.economy.SparsityPolicy.NaturalZeros());
        vm.navigate(Page.LEDGER);
        var first = vm.ledger().ledgerProperty().get().sparse().costs().getFirst();
        assertEquals(tokens.known().size(), first.activeIn());
        assertEquals((long) tokens.known().size() * first.nOut(), first.effectiveMacs());
        assertEquals("text \"why do leaves change colour in autumn\"", vm.provenance(ExportTarget.LEDGER).query());

        // An axis from two phrases at the latent layer, named by the user; moving along it changes the decoded state.
        vm.navigate(Page.JOURNEY);
        int latent = 2;
        vm.journey().currentLayerProperty().set(latent);
        vm.journey().steerLayerProperty().set(latent);
        var before = vm.journey().decodedProperty().get();
        assertEquals("latent", before.layer());
        assertEquals(3, before.nearest().size(), "the nearest synsets at the layer");
        assertTrue(before.nearest().get(0).distance() <= before.nearest().get(2).distance());
        assertTrue(before.nearest().stream().allMatch(n -> !n.note().isEmpty() && n.label().matches("(noun|verb|adj|adv)\\..*")));
        assertEquals("", vm.journey().addPhraseAxis("green leaf chlorophyll summer", "yellow orange red autumn", "chlorophyll breakdown"));
        assertEquals("chlorophyll breakdown", vm.journey().steerAxisProperty().get().name());
        assertTrue(vm.journey().axesOf(latent).contains(vm.journey().steerAxisProperty().get()));
        assertEquals(before.words(), vm.journey().decodedProperty().get().words(), "alpha 0 decodes the query itself");
        vm.journey().alphaProperty().set(2 * vm.journey().steerSpread());
        assertTrue(vm.journey().decodedProperty().get().steered());
        assertNotNull(vm.journey().steeredProperty().get());
        assertEquals("the model knows no word of one of the phrases", vm.journey().addPhraseAxis("zqxv", "autumn", ""));

        vm.journey().textProperty().set("glorp zqxv");
        assertEquals("the model knows none of these words", vm.journey().errorProperty().get());
        assertTrue(vm.isSettled());

        // The map of meaning: a searched word finds the synsets of its lemma; a point's details carry its gloss.
        vm.navigate(Page.MAP);
        var data = vm.datasetProperty().get();
        vm.map().searchProperty().set("leaves");
        int[] found = vm.map().matchesProperty().get();
        assertTrue(found.length > 0, "some sampled synset is named leaf");
        for (int i : found) {
            assertTrue(data.rowName(i).toLowerCase(java.util.Locale.ROOT).contains("leaf")
                    || data.rowName(i).toLowerCase(java.util.Locale.ROOT).contains("leaves"), data.rowName(i));
        }
        vm.map().focusProperty().set(found[0]);
        assertEquals(data.note(found[0]), vm.map().detailsProperty().get().note());
        assertTrue(!data.note(found[0]).isEmpty(), "a synset has a gloss");
    }

    @Test
    void anEconomicalModelsFrontierIsDrawnBesideItsOriginals(@TempDir Path cache) {
        MainViewModel vm = vm(cache);
        vm.openSample(SampleModel.DIGITS_MLP_ECONOMICAL);
        assertNull(vm.problemProperty().get());
        vm.navigate(Page.LEDGER);
        vm.ledger().kindProperty().set(org.latentledger.economy.PolicyKind.TOPK);
        vm.ledger().computeFrontier();
        var own = vm.ledger().frontierProperty().get();
        var original = vm.ledger().comparisonProperty().get();
        assertNotNull(own);
        assertNotNull(original, "the original digits-mlp swept beside it");
        assertEquals("digits-mlp", vm.ledger().originalName());
        assertEquals(own.points().size(), original.points().size(), "the same settings");
        assertTrue(own.knee().macFraction() < original.knee().macFraction(), "the economical knee is cheaper");
        assertTrue(vm.ledger().hasOriginalProperty().get());
        var originalPass = vm.ledger().originalPassProperty().get();
        assertNotNull(originalPass, "the original's dense pass on the same query, for the heatmap");
        var ownDense = vm.ledger().ledgerProperty().get().dense();
        assertEquals(ownDense.activations().size(), originalPass.activations().size());
        assertTrue(count(originalPass.activations().getFirst()) > count(ownDense.activations().getFirst()),
                "the original fires more units in its first layer than the k-WTA one");

        vm.openSample(SampleModel.DIGITS_MLP);
        vm.navigate(Page.LEDGER);
        vm.ledger().computeFrontier();
        assertNull(vm.ledger().comparisonProperty().get(), "a model made dense has nothing to compare with");
        assertTrue(!vm.ledger().hasOriginalProperty().get());
    }

    private static int count(float[] a) {
        int n = 0;
        for (float v : a) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void economizingFromTheWindowWritesTheCopyAndOpensItBesideItsOriginal(@TempDir Path dir) throws Exception {
        MainViewModel vm = vm(dir.resolve("cache"));
        vm.openSample(SampleModel.DIGITS_MLP);
        Path out = dir.resolve("digits-lean.zip");
        EconomizeJob.start(vm, org.latentledger.economy.Economizer.Plan.parse("kwta:0.1", 1, 5).withLearningRate(1e-3), out);
        assertNull(vm.problemProperty().get());
        assertTrue(java.nio.file.Files.isRegularFile(out));
        assertEquals("kwta(10%)", vm.modelProperty().get().layers().getFirst().activation(), "the economical copy is open");
        var card = vm.cardProperty().get();
        assertNotNull(card.economy(), "its card beside it");
        assertEquals("digits-mlp", card.economy().from());
        assertEquals(SampleModel.DIGITS_MLP.fileName(), vm.ledger().originalName(), "its original found by the card's SHA-256");
    }

    @Test
    void aLaunchDrawsTheLayoutItsLastOpeningMappedWhileTheForwardPassRunsThenItsOwn(@TempDir Path cache) {
        MainViewModel first = vm(cache);
        first.openSample(SampleModel.DIGITS_MLP);
        org.latentledger.projection.Projection mapped = first.map().atlasProperty().get().map();
        assertNull(first.map().rememberedProperty().get(), "nothing was remembered the first time");

        MainViewModel next = vm(cache);
        java.util.List<org.latentledger.ui.plot.MapScene> scenes = new java.util.ArrayList<>();
        java.util.List<Provenance> sidecars = new java.util.ArrayList<>();
        java.util.List<Boolean> sessionShown = new java.util.ArrayList<>();
        next.map().sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                scenes.add(b);
                sidecars.add(next.provenance(ExportTarget.MAP));
                sessionShown.add(next.modelProperty().get() != null);
            }
        });
        next.openSample(SampleModel.DIGITS_MLP);
        assertTrue(scenes.size() >= 2, "the remembered map, then the opening's own");
        var remembered = scenes.getFirst();
        assertTrue(remembered.title().endsWith("remembered from the last opening"), remembered.title());
        assertFalse(sessionShown.getFirst(), "drawn before the session (the forward pass) was there");
        org.junit.jupiter.api.Assertions.assertArrayEquals(mapped.axis(0), remembered.x(), "what the last opening drew");
        assertEquals(1797, remembered.size());
        Provenance p = sidecars.getFirst();
        assertEquals(first.modelProperty().get().hash(), p.modelHash());
        assertEquals("hidden3", p.layer());
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) p.sections().get("map");
        assertEquals(true, section.get("remembered_from_last_opening"));

        assertNull(next.map().rememberedProperty().get(), "replaced by the opening's own map");
        assertFalse(next.mapProperty().get().title().contains("remembered"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(mapped.axis(0), next.map().atlasProperty().get().map().axis(0), 1e-4f,
                "mapped again from this pass's activations: the same layout");
        assertTrue(next.isSettled());

        MainViewModel otherSettings = vm(cache);
        otherSettings.map().settingsProperty().set(MapSpec.DEFAULT.withSeed(7));
        java.util.List<String> titles = new java.util.ArrayList<>();
        otherSettings.map().sceneProperty().addListener((o, a, b) -> titles.add(b == null ? "" : b.title()));
        otherSettings.openSample(SampleModel.DIGITS_MLP);
        assertTrue(titles.stream().noneMatch(t -> t.contains("remembered")), "another seed was never mapped: " + titles);
    }

    @Test
    void aRememberedMapGoesWhenItsOpeningIsStopped(@TempDir Path cache) throws Exception {
        vm(cache).openSample(SampleModel.DIGITS_MLP);
        try (org.latentledger.ui.jobs.PumpedJobRunner jobs = org.latentledger.ui.jobs.PumpedJobRunner.create()) {
            MainViewModel vm = new MainViewModel(ResourceRoot.directory(Path.of(".")), jobs, RecentFiles.inMemory(), new ProjectionCache(cache));
            vm.openSample(SampleModel.DIGITS_MLP);
            jobs.pump(() -> vm.map().rememberedProperty().get() != null);
            assertNotNull(vm.mapProperty().get(), "drawn while the forward pass runs");
            assertNull(vm.modelProperty().get());
            vm.cancel();
            jobs.pump(() -> !vm.busyProperty().get());
            assertNull(vm.map().rememberedProperty().get());
            assertNull(vm.mapProperty().get(), "the opening was stopped: no map of a model that is not open");
            assertNull(vm.modelProperty().get());
        }
    }

    @Test
    void openingAnotherModelInARunningWindowDrawsItsRememberedMapAndAStoppedOneGivesTheOpenModelsBack(@TempDir Path cache) throws Exception {
        vm(cache).openSample(SampleModel.DIGITS_AUTOENCODER); // its layout is remembered
        try (org.latentledger.ui.jobs.PumpedJobRunner jobs = org.latentledger.ui.jobs.PumpedJobRunner.create()) {
            MainViewModel vm = new MainViewModel(ResourceRoot.directory(Path.of(".")), jobs, RecentFiles.inMemory(), new ProjectionCache(cache));
            vm.openSample(SampleModel.DIGITS_MLP);
            jobs.pump(() -> vm.isSettled());
            String own = vm.mapProperty().get().title();
            assertTrue(own.contains("hidden3") && !own.contains("remembered"), own);

            vm.openSample(SampleModel.DIGITS_AUTOENCODER);
            jobs.pump(() -> vm.map().rememberedProperty().get() != null);
            assertTrue(vm.mapProperty().get().title().endsWith("remembered from the last opening"), vm.mapProperty().get().title());
            assertEquals(SampleModel.DIGITS_MLP.fileName(), vm.modelProperty().get().name(),
                    "the open model stays open while the other's forward pass runs");
            vm.cancel();
            jobs.pump(() -> !vm.busyProperty().get() && vm.mapProperty().get() != null && vm.map().atlasProperty().get() != null);
            assertNull(vm.map().rememberedProperty().get());
            assertEquals(own, vm.mapProperty().get().title(), "stopped: the open model's own map is back");
            assertEquals(SampleModel.DIGITS_MLP.fileName(), vm.modelProperty().get().name());

            vm.openSample(SampleModel.DIGITS_AUTOENCODER);
            jobs.pump(() -> vm.isSettled() && vm.modelProperty().get() != null
                    && vm.modelProperty().get().name().equals(SampleModel.DIGITS_AUTOENCODER.fileName()));
            assertNull(vm.map().rememberedProperty().get(), "replaced by the opening's own map");
            assertFalse(vm.mapProperty().get().title().contains("remembered"));
        }
    }
}
