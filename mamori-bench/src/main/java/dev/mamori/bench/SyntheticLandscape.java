package dev.mamori.bench;

import dev.mamori.engine.systemic.EntryPoints;
import dev.mamori.engine.systemic.PropagationGraph;
import dev.mamori.engine.systemic.Relation;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A landscape too large to write as a model (a million components, ten million relations), built
 * straight into the propagation graph's builder, with the shape of the landscapes Mamori models:
 *
 * <ul>
 *   <li>each system has services, platforms, gateways and devices (1 : 4 : 15 : 80) in zones of
 *       about a hundred components; a third of the components have weak logins, so a foothold in a
 *       zone reaches them;
 *   <li>devices send data up to gateways, gateways to platforms, platforms to services; commands go
 *       down, a third of them not authorized by their target (control passes), and some devices
 *       hold a key their platform accepts (control passes up);
 *   <li>systems are ordered like vendors, operators and their customers: cross-system flows go from
 *       a system to later ones only, a few of them commands or credentials (a vendor's control
 *       plane over its customers), so reach by control varies from one system to the next.
 * </ul>
 *
 * Deterministic for a seed.
 */
public final class SyntheticLandscape {

    private final int systems;
    private final int componentsPerSystem;
    private final int zonesPerSystem;
    private final PropagationGraph.Builder builder;

    private SyntheticLandscape(int systems, int componentsPerSystem, long relations, long seed) {
        if (relations > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " relations");
        }
        this.systems = systems;
        this.componentsPerSystem = componentsPerSystem;
        this.zonesPerSystem = Math.max(1, componentsPerSystem / 100);
        int components = systems * componentsPerSystem;
        int[] systemOf = new int[components];
        for (int c = 0; c < components; c++) {
            systemOf[c] = c / componentsPerSystem;
        }
        this.builder =
                new PropagationGraph.Builder(systemOf, systems, systems * zonesPerSystem, PropagationGraph.NUMBERED);
        builder.reserve((int) relations);
        generate(new SplittableRandom(seed), (int) relations);
    }

    /**
     * @param relations the number of edges of the propagation graph, exactly
     */
    public static SyntheticLandscape of(int systems, int componentsPerSystem, long relations, long seed) {
        return new SyntheticLandscape(systems, componentsPerSystem, relations, seed);
    }

    public PropagationGraph.Builder builder() {
        return builder;
    }

    /** The first component of a system; its components follow in layer order. */
    public int firstComponentOf(int system) {
        return system * componentsPerSystem;
    }

    /** Every component of a system. */
    public int[] componentsOf(int system) {
        int[] out = new int[componentsPerSystem];
        Arrays.setAll(out, i -> firstComponentOf(system) + i);
        return out;
    }

    /** Every hundredth device, as reachable from the internet with a weak login. */
    public EntryPoints exposedDevices() {
        int devicesFrom = layerStart(3);
        int count = 0;
        int[] nodes = new int[systems * componentsPerSystem / 100 + systems];
        for (int s = 0; s < systems; s++) {
            for (int i = devicesFrom; i < componentsPerSystem; i += 100) {
                nodes[count++] = firstComponentOf(s) + i;
            }
        }
        nodes = Arrays.copyOf(nodes, count);
        double[] probability = new double[count];
        Arrays.fill(probability, 0.5);
        String[] reasons = new String[count];
        Arrays.fill(reasons, "reachable from the internet");
        return new EntryPoints(nodes, probability, reasons);
    }

    private void generate(SplittableRandom random, int relations) {
        int components = systems * componentsPerSystem;
        // Zones first: every component is a member, a third of them reachable from inside.
        for (int c = 0; c < components && builder.edgeCount() < relations; c++) {
            int zone = zoneOf(c);
            builder.add(c, components + zone, Relation.ZONE_MEMBER, zone, 1f);
            if (random.nextInt(3) == 0 && builder.edgeCount() < relations) {
                builder.add(components + zone, c, Relation.LATERAL, zone, 0.9f);
            }
        }
        int flow = 0;
        int credential = 0;
        while (builder.edgeCount() < relations) {
            int system = random.nextInt(systems);
            int layer = layerOf(random.nextInt(componentsPerSystem));
            int from = pick(random, system, layer);
            if (random.nextInt(100) == 0 && system < systems - 1) {
                // Across systems, always towards later systems: a vendor's or operator's link into a customer.
                int other = system + 1 + random.nextInt(Math.min(systems - system - 1, 50));
                int to = pick(random, other, Math.min(3, layer + random.nextInt(2)));
                int kind = random.nextInt(10);
                if (kind == 0) {
                    builder.add(from, to, Relation.COMMAND, flow++, 0.9f);
                } else if (kind == 1) {
                    builder.add(from, to, Relation.CREDENTIAL, credential++, 0.8f);
                } else {
                    builder.add(from, to, Relation.DATA, flow++, 1f);
                }
                continue;
            }
            if (layer == 3) {
                if (random.nextInt(50) == 0) {
                    // A device key its platform accepts: whoever holds the device can act on the platform.
                    builder.add(from, pick(random, system, 1), Relation.CREDENTIAL, credential++, 0.8f);
                } else {
                    builder.add(from, pick(random, system, 2), Relation.DATA, flow++, 1f);
                }
            } else if (random.nextBoolean() && layer > 0) {
                builder.add(from, pick(random, system, layer - 1), Relation.DATA, flow++, 1f);
            } else {
                boolean unauthorized = random.nextInt(3) == 0;
                builder.add(
                        from,
                        pick(random, system, layer + 1),
                        unauthorized ? Relation.COMMAND : Relation.DATA,
                        flow++,
                        unauthorized ? 0.9f : 1f);
            }
        }
    }

    private int zoneOf(int component) {
        int system = component / componentsPerSystem;
        int index = component % componentsPerSystem;
        return system * zonesPerSystem + (int) ((long) index * zonesPerSystem / componentsPerSystem);
    }

    /** Services, platforms, gateways, devices: 1 %, 4 %, 15 %, 80 % of a system's components. */
    private int layerStart(int layer) {
        return switch (layer) {
            case 0 -> 0;
            case 1 -> Math.max(1, componentsPerSystem / 100);
            case 2 -> Math.max(2, componentsPerSystem * 5 / 100);
            default -> Math.max(3, componentsPerSystem * 20 / 100);
        };
    }

    private int layerOf(int index) {
        int layer = 3;
        while (layer > 0 && index < layerStart(layer)) {
            layer--;
        }
        return layer;
    }

    private int pick(SplittableRandom random, int system, int layer) {
        int from = layerStart(layer);
        int to = layer == 3 ? componentsPerSystem : layerStart(layer + 1);
        return firstComponentOf(system) + from + random.nextInt(to - from);
    }
}
