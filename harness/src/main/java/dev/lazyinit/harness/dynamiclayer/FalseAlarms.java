package dev.lazyinit.harness.dynamiclayer;

import dev.lazyinit.harness.dynamiclayer.VmlensReport.Access;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two races VMLens 1.2.17 is measured to report where there is none, recognised by looking at the racy field
 * and the methods that touch it through reflection, never by strategy name:
 * <ul>
 *   <li>{@link DynamicLayer#FINAL_FIELD_RULE}: a racy read of a reference to an object whose instance fields are all
 *       final, which the final-field freeze (JLS 17.5) makes safe and VMLens does not model;</li>
 *   <li>{@link DynamicLayer#SYNCHRONIZED_METHOD_RULE}: a race whose every access is inside {@code synchronized}
 *       instance methods of the field's class, whose monitor VMLens does not see.</li>
 * </ul>
 *
 * <p>What could go wrong: a rule that discounts a real race, and so hides a broken holder. Each rule is narrow (one
 * wrapper field that is not final, or one access outside such a method, and the race counts), a field the layer
 * cannot look at is never discounted, and every discounted race is listed in the verdicts file with its rule;
 * {@code DynamicLayerTest} fails when a rule applies anywhere but where it is expected.
 */
final class FalseAlarms {

    private FalseAlarms() {
    }

    /**
     * Why a race does not count: one of the rules for what VMLens is known to get wrong.
     *
     * @param rule {@link DynamicLayer#FINAL_FIELD_RULE} or {@link DynamicLayer#SYNCHRONIZED_METHOD_RULE}
     * @param why why it applies to this race
     */
    record Discount(String rule, String why) {

        /** @return the reason the verdicts file gives: the rule, then why */
        String reason() {
            return rule + ": " + why;
        }
    }

    /**
     * The two rules for what VMLens is known to get wrong.
     *
     * @param field the racy field, {@code pkg/Class.field}
     * @param accesses its racy accesses
     * @return why the race does not count, if it does not
     */
    static Optional<Discount> discount(String field, List<Access> accesses) {
        Optional<Field> f = field(field);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = f.get().getType();
        if (!type.isInterface() && !type.isPrimitive() && !type.isArray() && type != Object.class
                && allFinal(type)) {
            return Optional.of(new Discount(DynamicLayer.FINAL_FIELD_RULE, simple(field) + " refers to a "
                    + type.getSimpleName() + ", whose instance fields are all final, so a racy read sees null or the"
                    + " object as its constructor left it (JLS 17.5); VMLens does not model the final-field freeze"));
        }
        Class<?> owner = f.get().getDeclaringClass();
        boolean allSynchronized = !Modifier.isStatic(f.get().getModifiers()) && accesses.stream().allMatch(a -> {
            String method = a.method().substring(a.method().lastIndexOf('.') + 1);
            List<Method> named = Arrays.stream(owner.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                    .toList();
            return a.method().startsWith(owner.getName().replace('.', '/') + ".") && !named.isEmpty()
                    && named.stream().allMatch(m -> Modifier.isSynchronized(m.getModifiers())
                            && !Modifier.isStatic(m.getModifiers()));
        });
        if (allSynchronized) {
            return Optional.of(new Discount(DynamicLayer.SYNCHRONIZED_METHOD_RULE, "every racy access to "
                    + simple(field) + " is inside a synchronized instance method of " + owner.getSimpleName()
                    + ", so all hold the same monitor; VMLens 1.2.17 does not trace a synchronized method's monitor"));
        }
        return Optional.empty();
    }

    private static boolean allFinal(Class<?> type) {
        boolean any = false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    if (!Modifier.isFinal(f.getModifiers())) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    private static Optional<Field> field(String field) {
        int dot = field.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            Class<?> owner = Class.forName(field.substring(0, dot).replace('/', '.'), false,
                    FalseAlarms.class.getClassLoader());
            return Optional.of(owner.getDeclaredField(field.substring(dot + 1)));
        } catch (ClassNotFoundException | NoSuchFieldException | LinkageError e) {
            return Optional.empty(); // a field the layer cannot look at is never discounted
        }
    }

    /** @return the name after the last {@code /}: {@code Class.field} of {@code pkg/Class.field} */
    static String simple(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
