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
}
