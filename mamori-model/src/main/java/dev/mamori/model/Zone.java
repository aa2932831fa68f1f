package dev.mamori.model;

import dev.mamori.model.Scales.Trust;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A trust or network segment (an IEC 62443 zone); components sit in zones.
 *
 * @param id the qualified id, {@code system.zone}
 * @param securityLevel the IEC 62443 target security level SL-T, 0 to 4, when declared
 * @param cidr the zone's IP network, when the model says
 * @param egress what may leave the zone, when the model says: anything, or only its modelled flows
 */
public record Zone(
        String id,
        String system,
        String name,
        ZoneKind kind,
        Trust trust,
        OptionalInt securityLevel,
        String description,
        SourceLocation at,
        Optional<IpPrefix> cidr,
        Optional<dev.mamori.model.Scales.Egress> egress) {}
