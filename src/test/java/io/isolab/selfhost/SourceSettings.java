package io.isolab.selfhost;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The settings one Maven project reads, found in its sources: components of
 * {@code @ConfigurationProperties} records and classes (nested types followed), {@code @Value}
 * placeholders, and placeholders in {@code application*.properties}. Sources are parsed, not
 * compiled, so the sandbox agent (a separate Maven project whose dependencies are not on this
 * classpath) is read the same way as the web app.
 */
final class SourceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}\\s]+)");

    private final Map<String, ClassTree> types = new HashMap<>();
    private final List<ClassTree> propertyTypes = new ArrayList<>();
    private final Map<ClassTree, String> prefixes = new HashMap<>();
    private final KnownSettings known = new KnownSettings();

    private SourceSettings() {
    }

    private static final Map<Path, KnownSettings> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** What {@code project} (a directory with src/main/java) reads. Parsed once per test run. */
    static KnownSettings of(Path project) {
        KnownSettings result = new KnownSettings();
        result.addAll(CACHE.computeIfAbsent(project.toAbsolutePath().normalize(), SourceSettings::parse));
        return result;
    }

    private static KnownSettings parse(Path project) {
        SourceSettings s = new SourceSettings();
        s.scanJava(project.resolve("src/main/java"));
        s.scanProperties(project.resolve("src/main/resources"));
        for (ClassTree type : s.propertyTypes) {
            s.addComponents(s.prefixes.get(type), type, 0);
        }
        return s.known;
    }

    private void scanJava(Path root) {
        List<Path> files = list(root, ".java");
        if (files.isEmpty()) {
            throw new IllegalStateException("no Java sources under " + root);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, null, List.of("-proc:none"), null, units);
            for (CompilationUnitTree unit : task.parse()) {
                unit.accept(new Collector(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records every type by simple name, the annotated property types, and @Value keys. */
    private final class Collector extends TreeScanner<Void, Void> {
        @Override
        public Void visitClass(ClassTree node, Void unused) {
            types.putIfAbsent(node.getSimpleName().toString(), node);
            for (AnnotationTree a : node.getModifiers().getAnnotations()) {
                if (simpleName(a).equals("ConfigurationProperties")) {
                    propertyTypes.add(node);
                    prefixes.put(node, stringArgument(a));
                }
            }
            return super.visitClass(node, unused);
        }

        @Override
        public Void visitAnnotation(AnnotationTree node, Void unused) {
            if (simpleName(node).equals("Value")) {
                addPlaceholders(stringArgument(node));
            }
            return super.visitAnnotation(node, unused);
        }
    }

    private void addComponents(String prefix, ClassTree type, int depth) {
        if (depth > 5) {
            throw new IllegalStateException("property types nest too deep under " + prefix);
        }
        for (Tree member : type.getMembers()) {
            if (!(member instanceof VariableTree field) || field.getModifiers().getFlags().contains(Modifier.STATIC)) {
                continue;
            }
            String name = prefix + "." + field.getName();
            String typeName = field.getType().toString();
            String raw = typeName.replaceAll("<.*", "");
            ClassTree nested = types.get(raw.substring(raw.lastIndexOf('.') + 1));
            if (raw.endsWith("Map")) {
                known.addPrefix(name);
            } else if (nested != null && nested.getKind() != Tree.Kind.ENUM) {
                addComponents(name, nested, depth + 1);
            } else {
                known.add(name);
            }
        }
    }

    private void scanProperties(Path root) {
        for (Path file : list(root, ".properties")) {
            if (!file.getFileName().toString().startsWith("application")) {
                continue;
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.values().forEach(v -> addPlaceholders(v.toString()));
        }
    }

    private void addPlaceholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            known.add(m.group(1));
        }
    }

    private static String simpleName(AnnotationTree a) {
        String n = a.getAnnotationType().toString();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** The annotation's value/prefix string, or "" when it has none we can read. */
    private static String stringArgument(AnnotationTree a) {
        for (ExpressionTree arg : a.getArguments()) {
            ExpressionTree value = arg instanceof AssignmentTree as ? as.getExpression() : arg;
            String key = arg instanceof AssignmentTree as ? as.getVariable().toString() : "value";
            if ((key.equals("value") || key.equals("prefix")) && value instanceof LiteralTree lit
                    && lit.getValue() instanceof String s) {
                return s;
            }
        }
        return "";
    }

    private static List<Path> list(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
