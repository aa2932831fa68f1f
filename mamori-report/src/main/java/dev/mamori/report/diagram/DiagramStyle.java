package dev.mamori.report.diagram;

/** The look of every diagram, inside each SVG so that a diagram exported alone looks the same. */
final class DiagramStyle {

    private DiagramStyle() {}

    static final String SVG_DEFS = """
            <defs>
            <marker id="arrow-data" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#78909c"/></marker>
            <marker id="arrow-command" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c62828"/></marker>
            <marker id="arrow-credential" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6a1b9a"/></marker>
            <marker id="arrow-cut" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker>
            <style>
            .mamori-diagram { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11px; }
            .mamori-diagram .diagram-title { font-size: 13px; font-weight: bold; fill: #222; }
            .mamori-diagram text { fill: #1a1a1a; }
            .mamori-diagram .detail { fill: #555; font-size: 10px; }
            .mamori-diagram .group-label { font-weight: bold; fill: #37474f; }
            .mamori-diagram .band rect { stroke: none; }
            .mamori-diagram .band text { font-weight: bold; fill: #607d8b; text-transform: uppercase; font-size: 10px; }
            .mamori-diagram .band-service rect { fill: #f3e5f5; }
            .mamori-diagram .band-platform rect { fill: #e3f2fd; }
            .mamori-diagram .band-network rect { fill: #e8f5e9; }
            .mamori-diagram .band-device rect { fill: #fff8e1; }
            .mamori-diagram .group rect { fill: none; stroke: #90a4ae; stroke-width: 1; }
            .mamori-diagram .zone rect { fill: rgba(255,255,255,0.55); stroke: #546e7a; stroke-dasharray: 5 3; }
            .mamori-diagram .system rect { fill: #fafafa; stroke: #455a64; }
            .mamori-diagram .node rect { fill: #fff; stroke: #607d8b; stroke-width: 1.2; }
            .mamori-diagram .layer-device rect { fill: #fffdf5; }
            .mamori-diagram .layer-network rect { fill: #f6fff6; }
            .mamori-diagram .layer-platform rect { fill: #f5faff; }
            .mamori-diagram .layer-service rect { fill: #fdf7ff; }
            .mamori-diagram .worst-critical rect { stroke: #b71c1c; stroke-width: 3; }
            .mamori-diagram .worst-high rect { stroke: #e65100; stroke-width: 2.5; }
            .mamori-diagram .worst-medium rect { stroke: #f9a825; stroke-width: 2; }
            .mamori-diagram .hazard rect { fill: #ffebee; }
            .mamori-diagram .entry rect { stroke-dasharray: 3 2; }
            .mamori-diagram .aggregate rect { stroke-dasharray: 1 2; }
            .mamori-diagram polyline { fill: none; }
            .mamori-diagram .data polyline { stroke: #78909c; stroke-width: 1.2; marker-end: url(#arrow-data); }
            .mamori-diagram .command polyline { stroke: #c62828; stroke-width: 2.2; marker-end: url(#arrow-command); }
            .mamori-diagram .credential polyline { stroke: #6a1b9a; stroke-width: 1.5; stroke-dasharray: 6 3; marker-end: url(#arrow-credential); }
            .mamori-diagram .lateral polyline, .mamori-diagram .zone-member polyline { stroke: #ef6c00; stroke-width: 1.5; stroke-dasharray: 2 2; marker-end: url(#arrow-data); }
            .mamori-diagram .cut polyline { stroke: #000; stroke-width: 3.5; stroke-dasharray: 10 4; marker-end: url(#arrow-cut); }
            </style>
            </defs>
            """;
}
