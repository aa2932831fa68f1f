package dev.mamori.cli;

/** Small models several command tests start from. */
final class TestModels {

    private TestModels() {}

    /** A shop with one camera reachable from the internet behind its factory password. */
    static final String EXPOSED_CAMERA = """
            mamori: 1
            landscape: Shop
            stakeholders: { ops: { roles: [operator] } }
            systems:
              shop:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  cam: { kind: camera, credentials: default-shared, exposure: internet }
            """;

    /** A catalog file of a landscape's own: one requirement, and a profile that makes it essential. */
    static final String OWN_CATALOG = """
            requirements:
              plug-label:
                title: The plug carries our label
                statement: Each plug model passes our lab before sale.
                properties: [I]
                phase: build
                means:
                  lab-pass: { title: Lab pass, statement: The lab passes it., applies-to: devices, verify: { control: the lab report } }
            profiles:
              our-consumer: { title: Ours, extends: consumer, essential: [plug-label] }
            """;
}
