package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.jcstress.gate.TeethTableTest.IS_BUG;
import static dev.lazyinit.jcstress.gate.TeethTableTest.dynamicLayer;
import static dev.lazyinit.jcstress.gate.TeethTableTest.staticLayer;
import static dev.lazyinit.jcstress.gate.TeethTableTest.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The teeth table as the gate prints it ({@link TeethPrinter}): a group's guarantee, control and judgement on its
 * first line only, each layer by its id, and a note for every group that was not simply CAUGHT.
 */
class TeethPrinterTest {

    @Test
    void eachGroupIsPrintedWithItsLayersAndEveryJudgementThatIsNotACatchIsExplained() {
        TeethTable t = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(),
                TeethInput.missing("no teeth files", true));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TeethPrinter.print(t, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("guarantee              control                      teeth             layer"
                        + "     must  verdict        samples  check: observed\n",
                "SAFE_PUBLICATION       BROKEN_DCL_NON_VOLATILE      CAUGHT            static    yes   CAUGHT"
                        + "               1  SpotBugs over X: made up\n",
                "                                                                      dynamic   yes   CAUGHT"
                        + "               1  VMLens over value: made up\n",
                "WAITERS_CAN_GIVE_UP    BROKEN_UNINTERRUPTIBLE_WAIT  NOT JUDGED        store     yes   N/A"
                        + "                  -  -: no teeth files\n",
                "static: made up\ndynamic: made up\nstore: no teeth files\njcstress: this run\n",
                "  NOT JUDGED: BROKEN_UNINTERRUPTIBLE_WAIT WAITERS_CAN_GIVE_UP: cannot be judged here: store: no"
                        + " teeth files\n");
        assertThat(printed).as("a caught group has no note").doesNotContain("  CAUGHT: ");
    }
}
