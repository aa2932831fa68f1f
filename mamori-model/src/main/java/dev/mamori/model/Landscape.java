package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system of systems one assessment covers, composed of one or more files.
 *
 * @param files every file read, root first, as given
 * @param flows interconnections declared at landscape level, outside any system
 * @param jurisdictions where the products are sold or run (eu, uk, us, jp), each where it is written
 * @param catalogs the landscape's own requirement catalog files, as written (relative to the root file)
 * @param vocabulary the built-in vocabulary with the landscape's own additions
 * @param assumptions what the analysis assumes where the facts are silent (from the root file)
 */
public record Landscape(
        String name,
        String description,
        List<String> files,
        Map<String, Stakeholder> stakeholders,
        Map<String, IotSystem> systems,
        List<Flow> flows,
        List<CredentialRelation> credentials,
        Map<String, Account> accounts,
        Map<String, DataAsset> data,
        Map<String, Mission> missions,
        Map<String, Scenario> scenarios,
        List<Responsibility> responsibilities,
        List<Treatment> treatments,
        List<Mark> marks,
        List<Ref> jurisdictions,
        List<Ref> catalogs,
        Vocabulary vocabulary,
        Assumptions assumptions,
        SourceLocation at) {

    public Landscape {
        files = List.copyOf(files);
        stakeholders = Collections.unmodifiableMap(new LinkedHashMap<>(stakeholders));
        systems = Collections.unmodifiableMap(new LinkedHashMap<>(systems));
        flows = List.copyOf(flows);
        credentials = List.copyOf(credentials);
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        missions = Collections.unmodifiableMap(new LinkedHashMap<>(missions));
        scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
        responsibilities = List.copyOf(responsibilities);
        treatments = List.copyOf(treatments);
        marks = List.copyOf(marks);
        jurisdictions = List.copyOf(jurisdictions);
        catalogs = List.copyOf(catalogs);
    }

    /**
     * This landscape with known flaws added to some components (by qualified id), as derived from
     * vulnerability data; everything else is the same.
     */
    public Landscape withMoreExploits(Map<String, List<Exploit>> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, IotSystem> changed = new LinkedHashMap<>();
        for (Map.Entry<String, IotSystem> system : systems.entrySet()) {
            Map<String, Component> components = new LinkedHashMap<>();
            system.getValue()
                    .components()
                    .forEach((id, c) ->
                            components.put(id, more.containsKey(c.id()) ? c.withMoreExploits(more.get(c.id())) : c));
            changed.put(system.getKey(), system.getValue().withComponents(components));
        }
        return new Landscape(
                name,
                description,
                files,
                stakeholders,
                changed,
                flows,
                credentials,
                accounts,
                data,
                missions,
                scenarios,
                responsibilities,
                treatments,
                marks,
                jurisdictions,
                catalogs,
                vocabulary,
                assumptions,
                at);
    }

    /** Every component of every system, in declaration order. */
    public List<Component> components() {
        List<Component> all = new ArrayList<>();
        systems.values().forEach(s -> all.addAll(s.components().values()));
        return all;
    }

    /** Every flow: those of the systems, then the landscape's interconnections. */
    public List<Flow> allFlows() {
        List<Flow> all = new ArrayList<>();
        systems.values().forEach(s -> all.addAll(s.flows()));
        all.addAll(flows);
        return all;
    }

    /** Every credential relation, of the systems and of the landscape. */
    public List<CredentialRelation> allCredentials() {
        List<CredentialRelation> all = new ArrayList<>();
        systems.values().forEach(s -> all.addAll(s.credentials()));
        all.addAll(credentials);
        return all;
    }

    /** Every account, of the systems and of the landscape. */
    public List<Account> allAccounts() {
        List<Account> all = new ArrayList<>();
        systems.values().forEach(s -> all.addAll(s.accounts().values()));
        all.addAll(accounts.values());
        return all;
    }

    /** Every data asset, of the systems and of the landscape. */
    public List<DataAsset> allData() {
        List<DataAsset> all = new ArrayList<>();
        systems.values().forEach(s -> all.addAll(s.data().values()));
        all.addAll(data.values());
        return all;
    }

    /** Every responsibility, of the systems and of the landscape. */
    public List<Responsibility> allResponsibilities() {
        List<Responsibility> all = new ArrayList<>();
        systems.values().forEach(s -> all.addAll(s.responsibilities()));
        all.addAll(responsibilities);
        return all;
    }
}
