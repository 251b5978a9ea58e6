package dev.lazyinit.harness.staticlayer;

import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The static layer's own bytecode check, read with ASM: two unsafe-publication shapes that SpotBugs does not
 * recognise. It reads the same classes the static layer judges for a strategy (its holder class, the classes
 * {@link StaticLayer} adds, and their nested classes), from the class path, and reports each hit as a
 * {@link Finding} of category {@code MT_CORRECTNESS}, judged by the same rules as SpotBugs' findings.
 *
 * <ul>
 *   <li>{@value #VARHANDLE_PLAIN}: a class with a {@code static final VarHandle} field whose method, not
 *       {@code synchronized}, calls the plain-mode {@code VarHandle.get} before its first {@code monitorenter} or
 *       {@code java.util.concurrent.locks} {@code lock}/{@code lockInterruptibly}/{@code tryLock} call (a linear
 *       scan of the method's instructions). A plain read on the lock-free path has no acquire: it may see the
 *       reference before the writes that built the value. The other access modes ({@code getAcquire},
 *       {@code getVolatile}, {@code getOpaque}, {@code compareAndSet}, ...) are not flagged, nor a plain
 *       {@code get} after the lock is taken.</li>
 *   <li>{@value #WRAPPER_NOT_FINAL}: for each instance field F of a checked class that is neither {@code final}
 *       nor {@code volatile} (a field read without a happens-before edge, as the final-field wrapper's fast path
 *       reads its wrapper), whose declared type W is a class of the same package (a nested class included): if W
 *       has an instance field x that is not {@code final}, a plain read of F may see the wrapper before x is
 *       written. Only the final-field freeze (JLS 17.5) makes that read safe, and it covers final fields only.</li>
 * </ul>
 *
 * <p>What it does not see: a plain read reached on a lock-free path after a lock was taken and released in the
 * same method (the scan is linear, not a control-flow analysis), a plain {@code VarHandle} held anywhere but a
 * {@code static final} field, a wrapper of another package or behind an interface or type variable (the value
 * field of a generic holder is erased to its bound, which it does not follow), and any publication bug that is
 * neither shape.
 */
public final class BytecodeCheck {

    /** A plain {@code VarHandle.get} on a lock-free path. */
    public static final String VARHANDLE_PLAIN = "BYTECODE_VARHANDLE_PLAIN";

    /** A wrapper, read through a plain field, with a field that is not final. */
    public static final String WRAPPER_NOT_FINAL = "BYTECODE_WRAPPER_FIELD_NOT_FINAL";

    /** Both patterns: each shows an unsafe publication, as SpotBugs' double-check patterns do. */
    public static final List<String> PATTERNS = List.of(VARHANDLE_PLAIN, WRAPPER_NOT_FINAL);

    private static final String CATEGORY = "MT_CORRECTNESS";
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final Set<String> LOCK_CALLS = Set.of("lock", "lockInterruptibly", "tryLock");

    private BytecodeCheck() {
    }

    /**
     * @return the check and the ASM version it reads with, for the verdicts file; where ASM's manifest is not on the
     *         class path (the JCStress gate's shaded jar), the newest class-file version it reads instead
     */
    public static String tool() {
        String version = ClassReader.class.getPackage().getImplementationVersion();
        if (version != null) {
            return "bytecode check (ASM " + version + ")";
        }
        int newest = 0;
        for (java.lang.reflect.Field f : Opcodes.class.getFields()) {
            if (f.getName().matches("V[0-9]+")) {
                newest = Math.max(newest, Integer.parseInt(f.getName().substring(1)));
            }
        }
        return "bytecode check (ASM, class files up to Java " + newest + ")";
    }

    /**
     * @param loader where the class files are read from
     * @param classNames binary names of the classes to check; their nested classes are checked too
     * @return every finding, in the order of the classes and their members
     * @throws IllegalStateException if a class file cannot be read
     */
    public static List<Finding> check(ClassLoader loader, List<String> classNames) {
        Map<String, Scanned> scanned = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>();
        classNames.forEach(c -> queue.add(c.replace('.', '/')));
        for (int i = 0; i < queue.size(); i++) {
            String internal = queue.get(i);
            if (!scanned.containsKey(internal)) {
                Scanned s = scan(loader, internal);
                scanned.put(internal, s);
                s.nested.stream().filter(n -> !queue.contains(n)).forEach(queue::add);
            }
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, Scanned> wrappers = new LinkedHashMap<>(scanned);
        for (Scanned s : scanned.values()) {
            if (s.hasStaticFinalVarHandle) {
                findings.addAll(s.plainGets);
            }
            for (FieldInfo f : s.fields) {
                if (f.isStatic() || f.isFinal() || f.isVolatile() || f.type.getSort() != Type.OBJECT) {
                    continue;
                }
                String w = f.type.getInternalName();
                if (!packageOf(w).equals(packageOf(s.name))) {
                    continue;
                }
                Scanned wrapper = wrappers.computeIfAbsent(w, n -> scan(loader, n));
                for (FieldInfo x : wrapper.fields) {
                    if (!x.isStatic() && !x.isFinal()) {
                        findings.add(new Finding(WRAPPER_NOT_FINAL, CATEGORY, binary(s.name), 0,
                                "bytecode check: wrapper " + simple(w) + "'s field " + x.name + " is not final: a"
                                        + " plain read of " + f.name + " may see the wrapper before "
                                        + x.name + " is written"));
                    }
                }
            }
        }
        return findings;
    }

    private static String packageOf(String internal) {
        int slash = internal.lastIndexOf('/');
        return slash < 0 ? "" : internal.substring(0, slash);
    }

    private static String binary(String internal) {
        return internal.replace('/', '.');
    }

    private static String simple(String internal) {
        return internal.substring(internal.lastIndexOf('/') + 1);
    }

    private record FieldInfo(int access, String name, Type type) {
        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        boolean isFinal() {
            return (access & Opcodes.ACC_FINAL) != 0;
        }

        boolean isVolatile() {
            return (access & Opcodes.ACC_VOLATILE) != 0;
        }
    }

    /** What one class file holds that the two rules need. */
    private static final class Scanned {
        final String name;
        final List<FieldInfo> fields = new ArrayList<>();
        final Set<String> nested = new LinkedHashSet<>();
        final List<Finding> plainGets = new ArrayList<>();
        boolean hasStaticFinalVarHandle;

        Scanned(String name) {
            this.name = name;
        }
    }

    private static Scanned scan(ClassLoader loader, String internal) {
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
            if (in == null) {
                throw new IllegalStateException("bytecode check: no class file for " + binary(internal)
                        + " on the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("bytecode check: cannot read " + binary(internal) + ": " + e, e);
        }
        Scanned s = new Scanned(internal);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitNestMember(String nestMember) {
                s.nested.add(nestMember);
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                if (internal.equals(outerName)) {
                    s.nested.add(name);
                }
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                Type type = Type.getType(descriptor);
                s.fields.add(new FieldInfo(access, name, type));
                if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) != 0
                        && type.getSort() == Type.OBJECT && type.getInternalName().equals(VAR_HANDLE)) {
                    s.hasStaticFinalVarHandle = true;
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    private int line;
                    private boolean locked;

                    @Override
                    public void visitLineNumber(int number, Label start) {
                        line = number;
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.MONITORENTER) {
                            locked = true;
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc,
                                                boolean isInterface) {
                        if (owner.startsWith("java/util/concurrent/locks/") && LOCK_CALLS.contains(name)) {
                            locked = true;
                        } else if (!locked && opcode == Opcodes.INVOKEVIRTUAL && owner.equals(VAR_HANDLE)
                                && name.equals("get")) {
                            s.plainGets.add(new Finding(VARHANDLE_PLAIN, CATEGORY, binary(internal), line,
                                    "bytecode check: plain VarHandle.get in " + method + "() outside any lock:"
                                            + " no acquire, so it may see the value before the writes that"
                                            + " built it (use getAcquire/setRelease)"));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return s;
    }
}
