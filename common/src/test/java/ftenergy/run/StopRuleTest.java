package ftenergy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StopRuleTest {

    @Test
    void scores_riseToTheTarget() {
        StopRule rule = new StopRule("accuracy", 0.9);
        assertTrue(rule.reachedBy("accuracy", 0.9));
        assertTrue(rule.reachedBy("accuracy", 0.95));
        assertFalse(rule.reachedBy("accuracy", 0.89));
        assertFalse(rule.reachedBy("f1", 0.99), "another metric never triggers it");
        assertFalse(rule.reachedBy("accuracy", Double.NaN));
        assertEquals("accuracy>=0.9", rule.toString());
    }

    @Test
    void losses_fallToTheTarget() {
        StopRule rule = new StopRule("mlm_loss", 2.5);
        assertTrue(rule.minimises());
        assertTrue(rule.reachedBy("mlm_loss", 2.4));
        assertFalse(rule.reachedBy("mlm_loss", 2.6));
        assertEquals("mlm_loss<=2.5", rule.toString());
    }

    @Test
    void needsAMetricAndAFiniteTarget() {
        assertThrows(IllegalArgumentException.class, () -> new StopRule(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> new StopRule("f1", Double.POSITIVE_INFINITY));
    }
}
