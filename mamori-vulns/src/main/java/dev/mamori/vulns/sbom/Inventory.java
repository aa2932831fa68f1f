package dev.mamori.vulns.sbom;

import dev.mamori.model.Component;
import dev.mamori.model.Landscape;
import dev.mamori.model.SbomFile;
import dev.mamori.model.Software;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.load.RefusedFileException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every component runs: its {@code software} entries and the packages of its bill of
 * materials, read through the landscape's own file access (confined to the landscape folder), with
 * a located diagnostic for every name that cannot be parsed and every file that cannot be read.
 *
 * @param packages the packages per component (qualified id), in declaration order; components that
 *     run only what one bill of materials lists share its one list
 */
public record Inventory(Map<String, List<InstalledPackage>> packages, List<Diagnostic> diagnostics) {

    public Inventory {
        // A list several components share stays one list, so that it is matched once.
        Map<List<InstalledPackage>, List<InstalledPackage>> copies = new java.util.IdentityHashMap<>();
        Map<String, List<InstalledPackage>> copy = new LinkedHashMap<>();
        packages.forEach((k, v) -> copy.put(k, copies.computeIfAbsent(v, List::copyOf)));
        packages = java.util.Collections.unmodifiableMap(copy);
        diagnostics = List.copyOf(diagnostics);
    }

    public static Inventory empty() {
        return new Inventory(Map.of(), List.of());
    }

    /** How many packages in all. */
    public int size() {
        return packages.values().stream().mapToInt(List::size).sum();
    }

    /** Reads the inventory of {@code landscape}, its bills of materials through {@code source}. */
    public static Inventory read(ModelSource source, Landscape landscape) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, List<InstalledPackage>> packages = new LinkedHashMap<>();
        // A bill of materials shared by a fleet's groups is read once.
        Map<Path, List<InstalledPackage>> read = new HashMap<>();
        for (Component c : landscape.components()) {
            List<InstalledPackage> list = new ArrayList<>();
            for (Software s : c.software()) {
                software(s, diagnostics).ifPresent(list::add);
            }
            if (c.sbom().isPresent()) {
                List<InstalledPackage> bom = sbom(source, c.sbom().get(), read, diagnostics);
                if (list.isEmpty()) {
                    list = bom; // the one list of the file, shared with every component that names it alone
                } else {
                    list.addAll(bom);
                }
            }
            if (!list.isEmpty()) {
                packages.put(c.id(), list);
            }
        }
        return new Inventory(packages, diagnostics.sorted());
    }

    private static Optional<InstalledPackage> software(Software s, Diagnostics diagnostics) {
        try {
            ProductKey key = s.purl().isPresent()
                    ? ProductKey.ofPurl(s.purl().get())
                    : ProductKey.ofCpe(s.cpe().orElseThrow());
            List<ProductKey> aliases = s.purl().isPresent() && s.cpe().isPresent()
                    ? List.of(ProductKey.ofCpe(s.cpe().get()))
                    : List.of();
            String written = s.purl().orElseGet(() -> s.cpe().orElseThrow());
            Optional<String> version = s.version().or(key::version);
            if (version.isEmpty()) {
                diagnostics.error(
                        s.at(),
                        "software-without-version",
                        "the version of " + written + " is not known: write it in the name (@1.2.3 in a purl, the"
                                + " sixth part of a CPE) or under 'version', so that advisories can be matched");
                return Optional.empty();
            }
            if (s.version().isPresent()
                    && key.version().isPresent()
                    && !s.version().equals(key.version())) {
                diagnostics.error(
                        s.at(),
                        "conflicting-version",
                        "the name " + written + " says version " + key.version().get() + " and 'version' says "
                                + s.version().get() + "; keep one");
                return Optional.empty();
            }
            return Optional.of(new InstalledPackage(key, aliases, version.get(), written, s.at()));
        } catch (ProductKey.BadName e) {
            diagnostics.error(s.at(), e.getMessage().contains("package URL") ? "bad-purl" : "bad-cpe", e.getMessage());
            return Optional.empty();
        } catch (java.util.NoSuchElementException e) {
            return Optional.empty(); // neither name: the loader already said so
        }
    }

    private static List<InstalledPackage> sbom(
            ModelSource source, SbomFile sbom, Map<Path, List<InstalledPackage>> read, Diagnostics diagnostics) {
        String cannot = "cannot read the bill of materials '" + sbom.path() + "'";
        try {
            if (Path.of(sbom.path()).isAbsolute()) {
                diagnostics.error(
                        sbom.at(),
                        "outside-landscape",
                        cannot + ": 'sbom' paths are relative to the file that names them, inside the landscape"
                                + " folder, and this one is absolute");
                return List.of();
            }
            Path base =
                    Optional.ofNullable(Path.of(sbom.at().file()).getParent()).orElse(Path.of(""));
            Path file = base.resolve(sbom.path()).normalize();
            if (read.containsKey(file)) {
                return read.get(file);
            }
            Optional<byte[]> bytes = source.read(file);
            if (bytes.isEmpty()) {
                diagnostics.error(
                        sbom.at(),
                        "unreadable-sbom",
                        cannot + ": there is no file " + file + "; 'sbom' paths are relative to the file that names"
                                + " them");
                return List.of();
            }
            List<InstalledPackage> packages = List.copyOf(SbomReader.read(file.toString(), bytes.get()));
            read.put(file, packages);
            return packages;
        } catch (RefusedFileException e) {
            diagnostics.error(sbom.at(), e.code(), cannot + ": " + e.getMessage());
        } catch (SbomReader.BadSbom e) {
            diagnostics.error(sbom.at(), "bad-sbom", cannot + ": " + e.getMessage());
        } catch (IOException | InvalidPathException e) {
            diagnostics.error(sbom.at(), "unreadable-sbom", cannot);
        }
        return List.of();
    }
}
