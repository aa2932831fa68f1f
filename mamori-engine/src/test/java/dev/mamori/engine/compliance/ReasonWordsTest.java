package dev.mamori.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compliance results keep what was found and put it into words when asked: the words must be those
 * the evaluation wrote out when it kept a sentence per element. {@code fixtures/sentences-before.txt}
 * is what that evaluation gave on the fixture models (every requirement, means and element, with its
 * verdict, reason and gap); {@code reasons.yaml} holds the ways the other fixtures do not show (a
 * treated finding, an accepted one, a partial control and one without evidence).
 */
class ReasonWordsTest {

    private static final List<String> MODELS = List.of("devices.yaml", "systems.yaml", "reasons.yaml");

    /** One line per requirement, means and element, as {@code sentences-before.txt} has them. */
    private static String words(String name, Assessment assessment) {
        StringBuilder out = new StringBuilder();
        for (SystemCompliance s : assessment.compliance().systems()) {
            for (RequirementResult r : s.requirements()) {
                out.append(name)
                        .append('\t')
                        .append(s.system())
                        .append('\t')
                        .append(r.requirement().id())
                        .append('\t')
                        .append(r.verdict().word())
                        .append('\t')
                        .append(r.why())
                        .append('\n');
                for (MeansResult m : r.means()) {
                    out.append("  ")
                            .append(m.means().id())
                            .append('\t')
                            .append(m.verdict().word())
                            .append('\t')
                            .append(m.why())
                            .append('\t')
                            .append(String.join(" | ", m.gap()))
                            .append('\n');
                    for (SubjectResult sub : m.subjects()) {
                        out.append("    ")
                                .append(sub.subject().id())
                                .append('\t')
                                .append(sub.subject().kind())
                                .append('\t')
                                .append(sub.verdict().word())
                                .append('\t')
                                .append(sub.why())
                                .append('\t')
                                .append(String.join(" | ", sub.gap()))
                                .append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void everyReasonIsPutInTheWordsTheEvaluationUsedToKeep() {
        StringBuilder now = new StringBuilder();
        Set<Class<?>> kinds = new HashSet<>();
        for (String name : MODELS) {
            Assessment assessment = MeansFixturesTest.assess(name);
            now.append(words(name, assessment));
            assessment
                    .compliance()
                    .systems()
                    .forEach(s -> s.requirements()
                            .forEach(r -> r.means()
                                    .forEach(m -> m.subjects()
                                            .forEach(sub ->
                                                    kinds.add(sub.reason().getClass())))));
        }
        List<String> before =
                MeansFixturesTest.text("sentences-before.txt").lines().toList();
        List<String> after = now.toString().lines().toList();
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()) && differ.size() < 5; i++) {
            String b = i < before.size() ? before.get(i) : "(none)";
            String a = i < after.size() ? after.get(i) : "(none)";
            if (!a.equals(b)) {
                differ.add("line " + (i + 1) + "\n  before: " + b + "\n  now:    " + a);
            }
        }
        assertThat(differ).isEmpty();
        // each kind of reason was compared at least once, so none is put into words untested
        assertThat(kinds).containsExactlyInAnyOrder(Reason.class.getPermittedSubclasses());
    }

    @Test
    void anElementIsOneSubjectAndAReasonWithoutTheElementIsOneObjectPerMeans() {
        Assessment assessment = MeansFixturesTest.assess("systems.yaml");
        Map<String, Set<Subject>> subjects = new HashMap<>();
        Map<String, Set<Reason>> unmet = new HashMap<>();
        int shared = 0;
        for (SystemCompliance s : assessment.compliance().systems()) {
            for (RequirementResult r : s.requirements()) {
                for (MeansResult m : r.means()) {
                    for (SubjectResult sub : m.subjects()) {
                        subjects.computeIfAbsent(
                                        // two flows may share a name (the same ends and protocol): the
                                        // element is also where it is written
                                        sub.subject().kind() + " "
                                                + sub.subject().id() + " at "
                                                + sub.subject().at(),
                                        k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                                .add(sub.subject());
                        if (sub.reason() instanceof Reason.NoControl || sub.reason() instanceof Reason.ToReview) {
                            shared++;
                            unmet.computeIfAbsent(
                                            m.means().id(), k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                                    .add(sub.reason());
                        }
                    }
                }
            }
        }
        assertThat(subjects).isNotEmpty();
        subjects.forEach((element, objects) -> assertThat(objects).as(element).hasSize(1));
        // more elements than means lack a control, so sharing is tested, not met by chance
        assertThat(shared).isGreaterThan(unmet.size());
        unmet.forEach((means, objects) -> assertThat(objects).as(means).hasSize(1));
    }
}
