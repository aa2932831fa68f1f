package dev.mamori.model;

import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Logging;
import dev.mamori.model.Scales.Tenancy;
import dev.mamori.model.Scales.UpdatePath;
import dev.mamori.model.Scales.UserAction;
import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A part of a system on one layer; with {@code count} above one it stands for a fleet of identical
 * parts.
 *
 * @param id the qualified id, {@code system.component}
 * @param secureBoot whether the boot chain is verified, when known
 * @param constrained whether it is too limited to run updates or strong cryptography
 * @param exploitable known flaws of its services that give an attacker who reaches it control or a
 *     crash, whatever its login
 * @param userAction how likely a person using it lets an attacker in
 * @param needs the components it cannot run without (power, a broker, a directory), beyond the
 *     flows marked {@code required}; a component does not depend on whoever merely sends it data
 * @param address its IP address, or the network its fleet sits in, when the model says
 * @param mqttUser the user name it logs in to an MQTT broker with, when the model says
 * @param software the packages the model says it runs
 * @param sbom its software bill of materials, a file named relative to the model file that names it
 * @param floodCapacity how many attacking devices' traffic it absorbs and keeps serving (a scrubbing
 *     service or several providers raise it); empty when the model does not say, and then no flood
 *     is judged against it
 * @param updatesFrom where its software comes from: the component that builds, signs or serves the
 *     updates it installs (a vendor's update service); whoever holds that one ships it their code
 * @param peerReach for a fleet, the share in percent of its other units that one unit reaches over
 *     the network; empty when the model does not say, and then all of them when the fleet sits in a
 *     zone (its units share it) and none otherwise
 */
public record Component(
        String id,
        String system,
        String name,
        Layer layer,
        String kind,
        int count,
        Optional<Ref> zone,
        Optional<Ref> manufacturer,
        Optional<Ref> maintainer,
        Optional<Ref> operator,
        Credentials credentials,
        UpdatePath update,
        Optional<Boolean> secureBoot,
        List<String> debug,
        Set<Exposure> exposure,
        Optional<LocalDate> supportUntil,
        List<Certification> certifications,
        Logging logging,
        boolean constrained,
        Tenancy tenancy,
        boolean safetyFunction,
        List<Hazard> hazards,
        List<Ref> stores,
        Optional<Restoration> restore,
        Optional<Needs> needs,
        List<Exploit> exploitable,
        UserAction userAction,
        List<String> tags,
        String description,
        SourceLocation at,
        Optional<IpPrefix> address,
        Optional<String> mqttUser,
        List<Software> software,
        Optional<SbomFile> sbom,
        java.util.OptionalLong floodCapacity,
        Optional<Ref> updatesFrom,
        java.util.OptionalInt peerReach) {

    public Component {
        debug = List.copyOf(debug);
        exposure = Set.copyOf(exposure);
        certifications = List.copyOf(certifications);
        hazards = List.copyOf(hazards);
        stores = List.copyOf(stores);
        exploitable = List.copyOf(exploitable);
        tags = List.copyOf(tags);
        software = List.copyOf(software);
    }

    /**
     * This component with {@code more} known flaws besides its own, as derived from vulnerability
     * data; the model's own come first.
     */
    public Component withMoreExploits(List<Exploit> more) {
        List<Exploit> all = new java.util.ArrayList<>(exploitable);
        all.addAll(more);
        return copy(all, exposure);
    }

    private Component copy(List<Exploit> exploits, Set<Exposure> exposures) {
        return new Component(
                id,
                system,
                name,
                layer,
                kind,
                count,
                zone,
                manufacturer,
                maintainer,
                operator,
                credentials,
                update,
                secureBoot,
                debug,
                exposures,
                supportUntil,
                certifications,
                logging,
                constrained,
                tenancy,
                safetyFunction,
                hazards,
                stores,
                restore,
                needs,
                exploits,
                userAction,
                tags,
                description,
                at,
                address,
                mqttUser,
                software,
                sbom,
                floodCapacity,
                updatesFrom,
                peerReach);
    }

    /**
     * The same component reachable also from where {@code more} says: what a deployed rule the model
     * lacks opens (drift's analysis of it).
     */
    public Component withExposure(Set<Exposure> more) {
        Set<Exposure> all = new java.util.LinkedHashSet<>(exposure);
        all.addAll(more);
        return copy(exploitable, all);
    }

    /**
     * The share, from 0 to 1, of a fleet's other units that one of its units reaches over the network:
     * what the model says, else all of them when the fleet sits in a zone, none when it does not.
     */
    public double peerShare() {
        return peerReach.isPresent() ? peerReach.getAsInt() / 100.0 : zone.isPresent() ? 1.0 : 0.0;
    }

    /** The id within its system. */
    public String localId() {
        return id.substring(system.length() + 1);
    }
}
