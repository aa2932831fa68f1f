package dev.mamori.engine.missions;

import dev.mamori.engine.systemic.Cascade;
import java.util.Arrays;

/**
 * When each component runs again after a scenario, by simulating the restoration: a step (a failed
 * or attacked component) starts once the components it must wait for ({@code restore: after}) run
 * again and takes its restore time; each time steps finish, what is still down is the cascade of the
 * steps not yet finished. The state depends only on what is still broken, as when systems restart:
 * components that cut each other off (a gate that needs the validation service that needs the gate)
 * come back together once nothing outside them is broken.
 *
 * <p>Each component keeps what it waited for last, which explains a mission's time to restore hop
 * by hop. One cascade per distinct finishing time, each touching only what is still down.
 */
final class RestorationSchedule {

    static final long NEVER = Long.MAX_VALUE;

    private final long[] backAt;
    private final long[] startAt;
    private final int[] waitedFor;

    /**
     * @param steps the components to restore
     * @param duration per component, the restore time in seconds, or -1 when not known
     * @param after per component, the components its restoration waits for
     */
    RestorationSchedule(Cascade cascade, int[] steps, long[] duration, int[][] after) {
        int n = cascade.componentCount();
        backAt = new long[n];
        startAt = new long[n];
        waitedFor = new int[n];
        Arrays.fill(startAt, NEVER);
        Arrays.fill(waitedFor, -1);
        boolean[] down = new boolean[n];
        int[] nowDown = cascade.run(steps, null);
        for (int c : nowDown) {
            down[c] = true;
            backAt[c] = NEVER;
        }
        long[] finishAt = new long[n];
        Arrays.fill(finishAt, NEVER);
        boolean[] started = new boolean[n];
        boolean[] finished = new boolean[n];
        boolean[] downNow = new boolean[n];
        int remaining = steps.length;
        long t = 0;
        while (true) {
            for (int s : steps) {
                if (started[s]) {
                    continue;
                }
                int last = -1;
                boolean ready = true;
                for (int d : after[s]) {
                    if (down[d]) {
                        ready = false;
                        break;
                    }
                    if (last < 0 || backAt[d] > backAt[last]) {
                        last = d;
                    }
                }
                if (ready) {
                    started[s] = true;
                    startAt[s] = t;
                    waitedFor[s] = last != -1 && backAt[last] > 0 ? last : -1;
                    finishAt[s] = duration[s] < 0 ? NEVER : t + duration[s];
                }
            }
            long next = NEVER;
            for (int s : steps) {
                if (started[s] && !finished[s]) {
                    next = Math.min(next, finishAt[s]);
                }
            }
            if (next == NEVER) {
                return;
            }
            t = next;
            int lastFinished = -1;
            int[] still = new int[remaining];
            int k = 0;
            for (int s : steps) {
                if (!finished[s] && finishAt[s] == t) {
                    finished[s] = true;
                    lastFinished = lastFinished < 0 ? s : lastFinished;
                } else if (!finished[s]) {
                    still[k++] = s;
                }
            }
            remaining = k;
            int[] stillDown = cascade.run(Arrays.copyOf(still, k), null);
            for (int c : stillDown) {
                downNow[c] = true;
            }
            for (int c : nowDown) {
                if (!downNow[c] && down[c]) {
                    down[c] = false;
                    backAt[c] = t;
                    if (!finished[c] || finishAt[c] != t) {
                        waitedFor[c] = lastFinished; // cut off until the last of these came back
                    }
                }
            }
            for (int c : stillDown) {
                downNow[c] = false; // cleared by what was set, so each event costs what is still down
            }
        }
    }

    /** When the component runs again, in seconds from the start; NEVER when that cannot be said. */
    long backAt(int component) {
        return backAt[component];
    }

    long[] backAt() {
        return backAt;
    }

    /** When the component's restoration can start; NEVER when it cannot be said. */
    long startAt(int component) {
        return startAt[component];
    }

    /** What it waited for last: a component that had to run first, or -1 when only its own restore time. */
    int waitedFor(int component) {
        return waitedFor[component];
    }
}
