package org.latentledger.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.Frontier;
import org.latentledger.economy.LayerCost;
import org.latentledger.economy.Ledger;

/** The ledger of one query and the frontier of a sweep as CSV (comma-separated, a header row, '.' decimals). */
public final class LedgerCsv {

    public static final String LEDGER_HEADER = "layer,kind,n_in,n_out,active_in,dense_macs,effective_macs,dense_reads,weights_read,"
            + "activations_written,energy_pj_arithmetic,energy_pj_memory,energy_pj,energy_pj_dense,estimate";
    public static final String FRONTIER_HEADER = "policy,parameter,agreement,accuracy,mac_fraction,energy_fraction,knee";

    private LedgerCsv() {
    }

    /** One row per layer of the sparse pass, then a total row (energies under {@code e}). */
    public static void writeLedger(Ledger l, EnergyModel e, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println(LEDGER_HEADER);
            for (LayerCost c : l.sparse().costs()) {
                w.println(String.join(",", quote(c.name()), quote(c.kind()), Integer.toString(c.nIn()), Integer.toString(c.nOut()),
                        Integer.toString(c.activeIn()), Long.toString(c.denseMacs()), Long.toString(c.effectiveMacs()),
                        Long.toString(c.denseReads()), Long.toString(c.weightsRead()), Long.toString(c.activationsWritten()),
                        num(e.arithmeticPj(c.effectiveMacs())), num(e.memoryPj(c.weightsRead())), num(c.energyPj(e)),
                        num(c.denseEnergyPj(e)), Boolean.toString(c.estimate())));
            }
            w.println(String.join(",", "total", "", "", "", "", Long.toString(l.dense().denseMacs()), Long.toString(l.sparse().effectiveMacs()),
                    Long.toString(l.dense().denseReads()), Long.toString(l.sparse().weightsRead()), "",
                    num(e.arithmeticPj(l.sparse().effectiveMacs())), num(e.memoryPj(l.sparse().weightsRead())), num(l.sparse().energyPj(e)),
                    num(l.dense().denseEnergyPj(e)), ""));
            w.flush();
        });
    }

    public static void writeFrontier(Frontier.Result r, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println(FRONTIER_HEADER);
            for (Frontier.Point p : r.points()) {
                String accuracy = r.labelled() ? String.format(Locale.ROOT, "%.6f", p.accuracy()) : ""; // no labels: not measured
                w.println(String.format(Locale.ROOT, "%s,%s,%.6f,%s,%.6f,%.6f,%s", p.policy().spec(), p.parameter(), p.agreement(),
                        accuracy, p.macFraction(), p.energyFraction(), p == r.knee()));
            }
            w.flush();
        });
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
