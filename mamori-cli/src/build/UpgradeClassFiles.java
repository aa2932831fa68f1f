// A build step of mamori-cli, run by Maven after the shade plugin (see mamori-cli/pom.xml) as a
// single-file program with ASM on its class path:
//
//   java -cp asm.jar mamori-cli/src/build/UpgradeClassFiles.java target/mamori.jar picocli/
//
// Rewrites the class files under a folder of the jar that are older than Java 8 (picocli's are
// Java 5) as Java 8 class files: the same code, with the stack maps Java 8 class files carry. JDK
// 25's ahead-of-time cache leaves out class files older than Java 6, so every run loaded and
// verified picocli's from the jar, a fifth of the start of a small run (docs/performance.md). Each
// rewritten class is then loaded, verified and initialised from the new jar before it replaces the
// old one, so a class file the JVM would refuse fails the build, not a run.
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

public class UpgradeClassFiles {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: UpgradeClassFiles JAR FOLDER/");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String folder = args[1];
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
        List<String> names = new ArrayList<>();
        try (URLClassLoader classes = loader(jar);
                ZipFile in = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(upgraded);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (var content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                String name = entry.getName();
                if (name.startsWith(folder) && name.endsWith(".class") && majorVersion(bytes) < Opcodes.V1_8) {
                    bytes = upgrade(bytes, classes);
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime()); // the same bytes from the same jar, build after build
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        try (URLClassLoader check = loader(upgraded)) {
            for (String name : names) {
                Class.forName(name, true, check); // loaded, verified against its stack maps, initialised
            }
        } catch (LinkageError | ClassNotFoundException e) {
            Files.deleteIfExists(upgraded);
            throw new IllegalStateException("an upgraded class file is refused by the JVM: " + e, e);
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeClassFiles: " + names.size() + " class files under " + folder + " of " + jar
                + " are Java 8 class files now");
    }

    private static URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    /** The class file as a Java 8 one: its frames computed anew, the class hierarchy read from {@code classes}. */
    private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public void visit(
                            int version,
                            int access,
                            String name,
                            String signature,
                            String superName,
                            String[] interfaces) {
                        super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
                    }
                },
                ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
