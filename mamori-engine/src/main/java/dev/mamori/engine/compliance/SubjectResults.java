package dev.mamori.engine.compliance;

import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The results of one means on its elements, kept as two arrays (the elements, and what was found on
 * each) rather than as a list of result objects: there are millions in a large landscape, and a
 * result object for each cost three times the two references it holds. Each {@link SubjectResult}
 * is made when read; unmodifiable, like the list it stands for.
 */
final class SubjectResults extends AbstractList<SubjectResult> implements RandomAccess {

    private final Subject[] subjects;
    private final Reason[] reasons;

    /** Takes the arrays as they are: the evaluator that made them keeps no other reference to them. */
    SubjectResults(Subject[] subjects, Reason[] reasons) {
        if (subjects.length != reasons.length) {
            throw new IllegalArgumentException(subjects.length + " subjects but " + reasons.length + " reasons");
        }
        this.subjects = subjects;
        this.reasons = reasons;
    }

    @Override
    public SubjectResult get(int index) {
        return new SubjectResult(subjects[index], reasons[index]);
    }

    @Override
    public int size() {
        return subjects.length;
    }
}
