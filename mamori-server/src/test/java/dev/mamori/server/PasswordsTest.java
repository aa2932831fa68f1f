package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.server.account.Passwords;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void argon2idHashesVerifyTheRightPasswordOnly() {
        String hash = passwords.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(passwords.verify("correct horse battery", hash)).isTrue();
        assertThat(passwords.verify("correct horse batterY", hash)).isFalse();
        assertThat(passwords.verify("correct horse battery", "not a hash")).isFalse();
    }

    @Test
    void theUnmatchableHashHasTheCostOfARealOneAndVerifiesNothing() {
        String real = passwords.hash("correct horse battery");
        String unmatchable = Passwords.unmatchable();
        // The same parameters (so the same time spent verifying), a salt and hash of the same lengths.
        assertThat(unmatchable.substring(0, unmatchable.lastIndexOf('$', unmatchable.lastIndexOf('$') - 1)))
                .isEqualTo(real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1)));
        assertThat(unmatchable).hasSameSizeAs(real);
        assertThat(passwords.verify("", unmatchable)).isFalse();
        assertThat(passwords.verify("not a password of anyone's", unmatchable)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(passwords.hash("same password")).isNotEqualTo(passwords.hash("same password"));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = passwords.generate();
        assertThat(one).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(passwords.generate()).isNotEqualTo(one);
    }
}
