package org.latentledger.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentledger.atlas.Axis;
import org.latentledger.atlas.Region;
import org.latentledger.data.BundledData;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.Ledger;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.map.MapViewModel;
import org.latentledger.view.QuerySource;
import org.latentledger.workspace.Workspace;
import org.latentledger.workspace.WorkspaceCheck;

/**
 * A workspace made from what the window holds, and a workspace brought back into it: the files
 * checked first (there, and with the SHA-256 they had), the map's spec and the look set before
 * anything opens (so the first map made is the right one), then the files opened, and the rest
 * applied each time the window settles: layer, renamed regions, concept axes, classes, journey
 * query and steering, ledger policy, page. Nothing opens half-way: a moved or changed file is
 * named before anything is opened, and the window keeps what it had.
 */
public final class Workspaces {

    private Workspaces() {
    }

    /** What the window holds now, as a workspace (on the FX thread). */
    public static Workspace capture(MainViewModel vm) {
        Session s = vm.session();
        Workspace.FileRef model = null;
        if (s.model() != null) {
            String bundled = s.modelSource() instanceof Sources.BundledModel b ? b.sample().fileName()
                    : SampleModel.withHash(s.model().hash(), vm.resources()).map(SampleModel::fileName).orElse(null);
            String path = s.modelSource() instanceof Sources.ModelFile f ? f.path().toAbsolutePath().toString() : null;
            model = new Workspace.FileRef(path, s.model().hash(), bundled);
        }
        Workspace.FileRef data = null;
        if (s.data() != null) {
            if (s.dataSource() instanceof Sources.BundledSet b) {
                data = new Workspace.FileRef(null, s.data().hash(), b.data().displayName());
            } else if (s.dataSource() instanceof Sources.DataFile f) {
                data = new Workspace.FileRef(f.path().toAbsolutePath().toString(), WorkspaceCheck.fileHash(f.path()).orElse(s.data().hash()), null);
            }
        }
        MapViewModel m = vm.map();
        Map<Integer, String> renamed = new LinkedHashMap<>();
        if (m.atlasProperty().get() != null) {
            List<Region> made = m.atlasProperty().get().regions().regions();
            for (int i = 0; i < m.regions().size() && i < made.size(); i++) {
                if (!m.regions().get(i).name().equals(made.get(i).name())) {
                    renamed.put(i, m.regions().get(i).name());
                }
            }
        }
        List<int[]> concept = new ArrayList<>();
        for (Axis a : m.axes()) {
            if (a.isConcept()) {
                concept.add(new int[] {a.from(), a.to()});
            }
        }
        Workspace.MapState map = new Workspace.MapState(m.settingsProperty().get(), m.colourProperty().get(), m.showRegionsProperty().get(),
                m.showAxesProperty().get(), new ArrayList<>(m.hiddenLabels()), renamed, concept);
        JourneyViewModel j = vm.journey();
        Workspace.Query query = new Workspace.Query(j.sourceProperty().get(), j.pointProperty().get(), j.drawingProperty().get(),
                j.pointAProperty().get(), j.pointBProperty().get(), j.tProperty().get(), j.typedProperty().get(), j.textProperty().get());
        Axis steer = j.steerAxisProperty().get();
        Workspace.JourneyState journey = new Workspace.JourneyState(j.methodProperty().get(), query, j.currentLayerProperty().get(),
                j.steerLayerProperty().get(), steer == null ? null : steer.name(), j.alphaProperty().get(), j.phraseAxes());
        Ledger shown = vm.ledger().ledgerProperty().get();
        EnergyModel e = vm.ledger().energyProperty().get();
        Workspace.LedgerState ledger = new Workspace.LedgerState(shown == null ? null : shown.sparse().policy().spec(), e.macPj(), e.readPj(),
                e.memory());
        return new Workspace(model, data, vm.pageProperty().get(), vm.selectedLayerProperty().get() == null ? null
                : vm.selectedLayerProperty().get().name(), map, journey, ledger,
                new Workspace.Look(vm.appearance().themeProperty().get(), vm.appearance().presentationProperty().get()));
    }

    /**
     * The steps of bringing a workspace back, each run once the window has settled after the one
     * before (see {@link MainViewModel#restore}).
     */
    static List<Runnable> steps(MainViewModel vm, Workspace w) {
        List<Runnable> steps = new ArrayList<>();
        MapViewModel m = vm.map();
        JourneyViewModel j = vm.journey();
        steps.add(() -> {
            vm.appearance().themeProperty().set(w.look().theme());
            m.settingsProperty().set(w.map().spec());
            m.colourProperty().set(w.map().colour());
            m.showRegionsProperty().set(w.map().regions());
            m.showAxesProperty().set(w.map().axes());
            j.methodProperty().set(w.journey().layerMaps());
            openFirst(vm, w);
        });
        steps.add(() -> openSecond(vm, w));
        steps.add(() -> {
            if (w.layer() != null) {
                vm.selectLayer(w.layer());
            }
        });
        steps.add(() -> {
            m.hiddenLabels().clear();
            m.hiddenLabels().addAll(w.map().hiddenClasses());
            w.map().regionNames().forEach(m::renameRegion);
            for (int[] a : w.map().conceptAxes()) {
                m.addConceptAxis(a[0], a[1]);
            }
            m.showAxesProperty().set(w.map().axes());
            Workspace.Query q = w.journey().query();
            if (q.text() != null) {
                j.textProperty().set(q.text());
            }
            if (q.typed() != null) {
                j.typedProperty().set(q.typed());
            }
            j.pointAProperty().set(q.pointA());
            j.pointBProperty().set(q.pointB());
            j.tProperty().set(q.t());
            if (q.drawing() != null) {
                j.drawingProperty().set(q.drawing().clone());
            }
            j.pointProperty().set(q.point());
            j.sourceProperty().set(q.source() == null ? QuerySource.POINT : q.source());
            if (w.ledger().policy() != null) {
                vm.ledger().apply(SparsityPolicy.parse(w.ledger().policy()));
            }
            vm.ledger().energyProperty().set(new EnergyModel(w.ledger().macPj(), w.ledger().readPj(), w.ledger().memory()));
            vm.navigate(w.page());
        });
        steps.add(() -> {
            for (Workspace.PhraseAxis p : w.journey().phraseAxes()) {
                j.steerLayerProperty().set(p.layer());
                j.addPhraseAxis(p.from(), p.to(), p.name());
            }
            j.currentLayerProperty().set(w.journey().layerShown());
            j.steerLayerProperty().set(w.journey().steerLayer());
            j.axesOf(w.journey().steerLayer()).stream().filter(a -> a.name().equals(w.journey().steerAxis())).findFirst()
                    .ifPresent(a -> j.steerAxisProperty().set(a));
            j.alphaProperty().set(w.journey().alpha());
            vm.appearance().presentationProperty().set(w.look().presentation());
        });
        return steps;
    }

    /** The model (a sample opens with its own data), or model and data together when both are files. */
    private static void openFirst(MainViewModel vm, Workspace w) {
        Workspace.FileRef model = w.model();
        Workspace.FileRef data = w.data();
        if (model != null && model.path() == null) {
            vm.openSample(SampleModel.find(model.bundled()).orElseThrow());
        } else if (model != null && (data == null || data.path() != null)) {
            vm.open(Path.of(model.path()), data == null ? null : Path.of(data.path()));
        } else if (model != null) {
            vm.openModel(Path.of(model.path()));
        } else if (data != null) {
            openData(vm, data);
        }
    }

    /** The data, when it did not come with the first open (a sample with other data, a model file with a bundled set). */
    private static void openSecond(MainViewModel vm, Workspace w) {
        Workspace.FileRef model = w.model();
        Workspace.FileRef data = w.data();
        if (model == null || data == null) {
            return;
        }
        boolean sample = model.path() == null;
        if (sample && (data.path() != null || BundledData.find(data.bundled()).orElseThrow() != SampleModel.find(model.bundled())
                .orElseThrow().data()) || !sample && data.path() == null) {
            openData(vm, data);
        }
    }

    private static void openData(MainViewModel vm, Workspace.FileRef data) {
        if (data.path() == null) {
            vm.openData(BundledData.find(data.bundled()).orElseThrow());
        } else {
            vm.openData(Path.of(data.path()));
        }
    }
}
