package org.latentledger.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentledger.Launcher;
import org.latentledger.cli.LatentLedgerCli;

/**
 * The headless {@code shot} command: right size, many colours, a map that is not blank, and 2x
 * rendered rather than upscaled. The 2x shot and the shot without a display run as a user runs
 * them (a fresh JVM, which sets up its own headless toolkit); the other commands run in this test
 * JVM, whose toolkit is already headless, through the same command line (a JVM's start costs more
 * than most of these shots on two cores).
 */
class ScreenshotsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        // JavaFX started the way the window tests start it (the commands run here would otherwise start it
        // their own way, and the window tests later in this JVM would find TestFX without its stage).
        org.latentledger.model.Nd4jRuntime.linkBeforeToolkit(); // as the app: ND4J linked before JavaFX loads its natives
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void shotWritesARealPictureAndTwiceTheSizeAtScaleTwo(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        shotHere(one, "--width", "1200", "--height", "760");
        shot(two, "--width", "1200", "--height", "760", "--scale", "2");

        BufferedImage a = ImageIO.read(one.toFile());
        assertEquals(1200, a.getWidth());
        assertEquals(760, a.getHeight());
        int coloursOne = distinctColours(a);
        assertTrue(coloursOne > 200, "a real window has many colours, got " + coloursOne);
        // The map sits right of the model panel: its middle holds many points in the class colours.
        int saturated = saturatedPixels(a, a.getWidth() / 2, a.getHeight() / 4, a.getWidth() * 9 / 10, a.getHeight() * 3 / 4);
        assertTrue(saturated > 2000, "coloured map pixels: " + saturated);

        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals(2400, b.getWidth());
        assertEquals(1520, b.getHeight());
        // Rendered at 2x, not upscaled: an upscaled bitmap (nearest or bilinear) never jumps by more
        // than half an edge's contrast between the two pixels that came from one source pixel.
        int jumps = sharpJumpsWithinPixelPairs(b);
        assertTrue(jumps > 2000, "sharp edges inside 2x2 blocks: " + jumps);
        int saturatedTwo = saturatedPixels(b, b.getWidth() / 2, b.getHeight() / 4, b.getWidth() * 9 / 10, b.getHeight() * 3 / 4);
        assertTrue(saturatedTwo > 3 * saturated, "2x map pixels " + saturatedTwo + " vs 1x " + saturated);

        // The provenance beside it names the bundled model by the SHA-256 of its bytes.
        byte[] zip = org.latentledger.data.ResourceRoot.classpath().read("sample-models/digits-mlp.zip");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip));
        var side = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("two.png.json"))).getAsJsonObject();
        assertEquals(sha, side.get("model_sha256").getAsString());
        assertEquals(2400, side.get("width").getAsInt());
        assertEquals("window", side.get("view").getAsString());
    }

    @Test
    void presentationIsShotAtTheSizeAskedForAnd3DThatCannotBeDrawnFails(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("presentation.png");
        shotHere(p, "--width", "1280", "--height", "720", "--presentation");
        BufferedImage a = ImageIO.read(p.toFile());
        assertEquals(1280, a.getWidth(), "presentation mode keeps --width");
        assertEquals(720, a.getHeight(), "presentation mode keeps --height");

        // Headless there is no 3D: a picture of the message is not the 3D view, so the shot fails with it.
        Path m = dir.resolve("map3d.png");
        Result r = runHere("shot", "--out", m.toString(), "--view", "map3d");
        assertTrue(r.status() != 0, "a 3D shot with no 3D must fail:\n" + r.log());
        assertTrue(r.log().contains("3D needs hardware-accelerated graphics"), r.log());
        assertTrue(!Files.exists(m), "no PNG of the message is written");
    }

    @Test
    void screenshotsOnADisplayThatCannotBeOpenedSayWhyAndStopAtOnce(@TempDir Path dir) throws Exception {
        // Once this waited on a toolkit that never started, a minute per step of every image.
        Result r = runFor(List.of("DISPLAY", "WAYLAND_DISPLAY"), "screenshots", "--display", "--only", "main-window", "--out-dir", dir.toString());
        assertEquals(2, r.status(), r.log());
        assertTrue(r.log().contains("JavaFX could not start on the display") && r.log().contains("libgtk-3-0"), r.log());
        assertTrue(r.log().contains("No images were made"), r.log());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void aShotSavesItsWorkspaceAndTheWorkspaceGivesTheSameShot(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.png");
        Path w = dir.resolve("a.llws");
        // The map: nothing on it is measured (the ledger's times would differ from run to run).
        shotHere(a, "--model", "digits-mlp", "--layer", "hidden2", "--method", "umap", "--seed", "3", "--theme", "dark",
                "--width", "1024", "--height", "700", "--save-workspace", w.toString());
        org.latentledger.workspace.Workspace saved = org.latentledger.workspace.WorkspaceFile.read(w);
        assertEquals(org.latentledger.view.Page.MAP, saved.page());
        assertEquals("hidden2", saved.layer());
        assertEquals(3, saved.map().spec().seed());
        assertEquals(org.latentledger.view.Theme.DARK, saved.look().theme());
        Path b = dir.resolve("b.png");
        shotHere(b, "--workspace", w.toString(), "--width", "1024", "--height", "700");
        java.awt.image.BufferedImage ia = javax.imageio.ImageIO.read(a.toFile());
        java.awt.image.BufferedImage ib = javax.imageio.ImageIO.read(b.toFile());
        // The same picture above the map's note (the second map may say "from the cache") and the status bar
        // (which says the workspace was opened).
        int differ = 0;
        for (int y = 0; y < ia.getHeight() - 80; y++) {
            for (int x = 0; x < ia.getWidth(); x++) {
                differ += ia.getRGB(x, y) == ib.getRGB(x, y) ? 0 : 1;
            }
        }
        assertEquals(0, differ, "pixels that differ between the shot and the shot of its workspace");
        assertTrue(Files.readString(Path.of(b + ".json")).contains("a.llws"), "the sidecar names the workspace");
        Files.writeString(dir.resolve("cut.llws"), Files.readString(w).substring(0, 100));
        Result r = runHere("shot", "--workspace", dir.resolve("cut.llws").toString(), "--out", dir.resolve("c.png").toString());
        assertTrue(r.status() == 1 && r.log().contains("cut.llws") && r.log().contains("truncated") && !r.log().contains("Exception"), r.log());
    }

    @Test
    void exportGifWritesOneFramePerLayer(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("journey.gif");
        Result r = runHere("export-gif", "--model", "digits-mlp", "--data", "digits", "--query", "5", "--out", gif.toString());
        assertEquals(0, r.status(), r.log());
        assertEquals(4, org.latentledger.export.AnimatedGif.frameCount(gif), "digits-mlp has four layers");
        assertTrue(Files.exists(dir.resolve("journey.gif.json")));
        BufferedImage first = ImageIO.read(gif.toFile());
        assertTrue(distinctColours(first) > 50, "a rendered journey, not a blank frame: " + distinctColours(first));
    }

    @Test
    void aHeadlessScreenTheJvmWasGivenIsKeptWhenAShotFitsOnIt() {
        // A command that starts JavaFX itself does so on the screen the JVM was given, when the shot fits on it.
        assertTrue(HeadlessFx.holds("2560x1600-32", 1200, 760));
        assertTrue(HeadlessFx.holds("1200x760", 1200, 760));
        assertTrue(!HeadlessFx.holds("1024x768-32", 1200, 760), "too small: made larger");
        assertTrue(!HeadlessFx.holds(null, 1200, 760) && !HeadlessFx.holds("big", 1200, 760));
    }

    @Test
    void helpListsTheCommandsAndEachHasHelp() {
        String top = help();
        assertTrue(top.contains("train-samples") && top.contains("shot"), top);
        assertTrue(help("shot").contains("--scale"));
        assertTrue(top.contains("export-gif") && top.contains("screenshots"), top);
        assertTrue(help("shot").contains("frontier") && help("export-gif").contains("--sweep"));
        assertTrue(help("train-samples").contains("--out"));
    }

    private static String help(String... command) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = LatentLedgerCli.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        assertEquals(0, cli.execute(args.toArray(String[]::new)));
        return out.toString();
    }

    private static void shot(Path out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("shot", "--out", out.toString()));
        args.addAll(List.of(options));
        run(args.toArray(String[]::new));
    }

    private record Result(int status, String log) {
    }

    /** {@link #shot} in this JVM. */
    private static void shotHere(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("shot", "--out", out.toString()));
        args.addAll(List.of(options));
        Result r = runHere(args.toArray(String[]::new));
        assertEquals(0, r.status(), "shot failed:\n" + r.log());
    }

    /** Runs a command in this JVM through the app's command line: its exit status and what it printed as the command line's output. */
    private static Result runHere(String... args) {
        StringWriter log = new StringWriter();
        picocli.CommandLine cli = LatentLedgerCli.commandLine();
        cli.setOut(new java.io.PrintWriter(log, true));
        cli.setErr(new java.io.PrintWriter(log, true));
        int status = cli.execute(args);
        return new Result(status, log.toString());
    }

    /** Runs a command in its own JVM, as a user does, and asserts it succeeded. */
    private static void run(String... args) throws Exception {
        Result r = runFor(args);
        assertEquals(0, r.status(), args[0] + " failed:\n" + r.log());
    }

    /**
     * Runs a command in its own JVM, as a user does: its exit status and what it printed. The JVM
     * compiles with C1 only ({@code -XX:TieredStopAtLevel=1}): a short command spends most of its
     * time starting up and C2 compiling, so this halves each command's time here; the JIT changes
     * how fast the same code runs, not what it does.
     */
    private static Result runFor(String... args) throws Exception {
        return runFor(List.of(), args);
    }

    /** {@link #runFor(String...)} with these variables taken out of the command's environment. */
    private static Result runFor(List<String> unset, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("shot", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        unset.forEach(pb.environment()::remove);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), args[0] + " did not finish");
        return new Result(p.exitValue(), Files.readString(log));
    }

    static int sharpJumpsWithinPixelPairs(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x + 1 < img.getWidth(); x += 2) {
                if (grey(img.getRGB(x, y)) - grey(img.getRGB(x + 1, y)) > 160 || grey(img.getRGB(x + 1, y)) - grey(img.getRGB(x, y)) > 160) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    static int saturatedPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }
}
