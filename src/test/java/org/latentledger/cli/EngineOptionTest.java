package org.latentledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.data.BundledData;
import org.latentledger.data.Dataset;
import org.latentledger.data.ResourceRoot;
import org.latentledger.projection.Trustworthiness;

/** {@code --engine ours|smile} on project and bench: parsing, the JSON key, and Smile's layouts reproducible per launch. */
class EngineOptionTest {

    @Test
    void projectNamesTheEngineAndAnUnknownOneListsTheValidNames(@TempDir Path dir) throws Exception {
        Path data = digitsCsv(dir, 300);
        Path out = dir.resolve("smile.csv");
        CliTest.Run r = CliTest.run("project", "--data", data.toString(), "--method", "umap", "--epochs", "50", "--engine", "smile",
                "--out", out.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("smile", j.get("engine").getAsString());
        assertTrue(j.get("description").getAsString().contains("by Smile"), j.toString());
        assertTrue(r.err().contains("cannot be cancelled"), "the warning is printed first: " + r.err());
        assertEquals(301, Files.readAllLines(out).size());

        CliTest.Run pca = CliTest.run("project", "--data", data.toString(), "--engine", "smile", "--out", dir.resolve("pca.csv").toString(),
                "--json");
        assertEquals(0, pca.status(), pca.err());
        assertEquals("ours", JsonParser.parseString(pca.out()).getAsJsonObject().get("engine").getAsString(), "PCA is ours for both");

        CliTest.Run bad = CliTest.run("project", "--data", data.toString(), "--engine", "sklearn", "--out", out.toString());
        assertNotEquals(0, bad.status());
        assertTrue(bad.err().contains("'sklearn'") && bad.err().contains("ours, smile"), bad.err());
        CliTest.Run badBench = CliTest.run("bench", "--projections", "--engine", "ours,nope", "--data", data.toString());
        assertNotEquals(0, badBench.status());
        assertTrue(badBench.err().contains("'nope'") && badBench.err().contains("ours, smile"), badBench.err());
    }

    /**
     * ARPACK (Smile's spectral start for UMAP) takes no seed and keeps its random state in the
     * process. Two fresh JVMs running the same command wrote the same file in every run by hand, but
     * not on a loaded machine (cause not found, see SmileEngine), so what is asserted is that both
     * launches write a layout of every point, of the same quality.
     */
    @Test
    void smileUmapLaunchesGiveLayoutsOfTheSameQuality(@TempDir Path dir) throws Exception {
        Path data = digitsCsv(dir, 300);
        List<Process> launches = new ArrayList<>();
        for (String name : List.of("a.csv", "b.csv")) { // at the same time: two cores, half the wait
            launches.add(new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "org.latentledger.Launcher", "project", "--data", data.toString(), "--method",
                    "umap", "--epochs", "50", "--engine", "smile", "--seed", "9", "--threads", "1", "--out", dir.resolve(name).toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start());
        }
        List<String> layouts = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            String name = i == 0 ? "a.csv" : "b.csv";
            assertTrue(launches.get(i).waitFor(120, TimeUnit.SECONDS), "the launch finished");
            assertEquals(0, launches.get(i).exitValue(), Files.readString(dir.resolve(name + ".log")));
            layouts.add(Files.readString(dir.resolve(name)));
        }
        float[][] input = BundledData.DIGITS.load(ResourceRoot.directory(Path.of("."))).features();
        float[][] x = java.util.Arrays.copyOf(input, 300);
        double t0 = Trustworthiness.of(x, layout(layouts.get(0)), 5);
        double t1 = Trustworthiness.of(x, layout(layouts.get(1)), 5);
        assertTrue(t0 > 0.9 && Math.abs(t0 - t1) < 0.02, "trustworthiness " + t0 + " and " + t1);
    }

    /** The x,y columns of {@code index,x,y,label} rows. */
    private static float[][] layout(String csv) {
        List<String> rows = csv.lines().skip(1).toList();
        float[][] xy = new float[rows.size()][2];
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            xy[i][0] = Float.parseFloat(f[1]);
            xy[i][1] = Float.parseFloat(f[2]);
        }
        return xy;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path digitsCsv(Path dir, int rows) throws Exception {
        Dataset d = BundledData.DIGITS.load(ResourceRoot.directory(Path.of(".")));
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < d.columns(); c++) {
            csv.append("p").append(c).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < rows; i++) {
            for (float v : d.features()[i]) {
                csv.append(v).append(',');
            }
            csv.append(d.labels()[i]).append('\n');
        }
        Path file = dir.resolve("digits" + rows + ".csv");
        Files.writeString(file, csv);
        return file;
    }
}
