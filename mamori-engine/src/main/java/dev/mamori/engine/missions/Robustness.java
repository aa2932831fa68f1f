package dev.mamori.engine.missions;

import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.systemic.Cascade;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The robustness curve: for a growing fraction of components failing at random, the share of
 * missions still running (fully or in a degraded mode), by Monte Carlo. Each sample is one cascade,
 * which touches only what goes down, and one evaluation of the missions.
 */
final class Robustness {

    private Robustness() {}

    static MissionAnalysis.Robustness curve(Cascade cascade, CompiledMissions missions, int samples, long seed) {
        List<MissionAnalysis.Point> points = new ArrayList<>();
        if (samples <= 0 || missions.count() == 0) {
            return new MissionAnalysis.Robustness(samples, seed, points);
        }
        int n = cascade.componentCount();
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] down = new boolean[n];
        int[] failed = new int[n];
        for (int step = 0; step <= 10; step++) {
            double fraction = step * 0.05;
            double sum = 0;
            double worst = 1;
            for (int s = 0; s < samples; s++) {
                int count = 0;
                for (int c = 0; c < n; c++) {
                    if (random.nextDouble() < fraction) {
                        failed[count++] = c;
                    }
                }
                int[] lost = cascade.run(java.util.Arrays.copyOf(failed, count), null);
                for (int c : lost) {
                    down[c] = true;
                }
                int running = 0;
                for (int m = 0; m < missions.count(); m++) {
                    running += missions.status(m, down) != Status.STOPPED ? 1 : 0;
                }
                for (int c : lost) {
                    down[c] = false;
                }
                double share = (double) running / missions.count();
                sum += share;
                worst = Math.min(worst, share);
            }
            points.add(new MissionAnalysis.Point(fraction, sum / samples, worst));
        }
        return new MissionAnalysis.Robustness(samples, seed, points);
    }
}
