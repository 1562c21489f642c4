package org.visualsearch.core.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a model's TorchScript file and descriptor from what the user points at: a model folder,
 * a TorchScript file, or the descriptor itself.
 */
final class ModelFolder {
    private ModelFolder() {
    }

    /** See {@link ModelDescriptor#resolve}. */
    static ModelDescriptor resolve(Path path) throws EmbeddingException {
        Path target = path.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            throw new EmbeddingException("Model " + target + " not found (no such file or folder)");
        }
        if (!Files.isRegularFile(target) && !Files.isDirectory(target)) {
            // a FIFO or device: opening or listing it can block for ever
            throw notRegular(target);
        }
        if (Files.isRegularFile(target)) {
            if (target.getFileName().toString().equals(ModelDescriptor.DESCRIPTOR_FILE)) {
                return resolveFolder(target.getParent());
            }
            return resolveFile(target);
        }
        return resolveFolder(target);
    }

    /** A file name TorchScript models are saved under ({@code .pt}, {@code .pth}, {@code .torchscript}). */
    static boolean isTorchScriptName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".pt") || lower.endsWith(".pth") || lower.endsWith(".torchscript");
    }

    private static ModelDescriptor resolveFile(Path file) throws EmbeddingException {
        Path folder = file.getParent();
        Path sibling = folder.resolve(ModelDescriptor.DESCRIPTOR_FILE);
        if (Files.isRegularFile(sibling)) {
            Properties props = readProperties(sibling);
            Path named = namedFile(folder, sibling, props);
            if (named == null || sameFile(named, file)) {
                return new ModelDescriptor(file, sibling, props, folder.getFileName().toString());
            }
        }
        return new ModelDescriptor(file, null, new Properties(), stripExtension(file.getFileName().toString()));
    }

    private static ModelDescriptor resolveFolder(Path folder) throws EmbeddingException {
        if (!Files.isReadable(folder)) {
            throw new EmbeddingException("Model folder " + folder + " cannot be read (permission denied)");
        }
        Path descriptor = folder.resolve(ModelDescriptor.DESCRIPTOR_FILE);
        Properties props = new Properties();
        if (Files.isRegularFile(descriptor)) {
            props = readProperties(descriptor);
        } else if (Files.exists(descriptor)) {
            throw notRegular(descriptor);
        } else {
            descriptor = null;
        }
        String folderName = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        Path named = descriptor == null ? null : namedFile(folder, descriptor, props);
        if (named != null) {
            if (Files.exists(named) && !Files.isRegularFile(named)) {
                throw notRegular(named);
            }
            if (!Files.isRegularFile(named)) {
                throw new EmbeddingException("Model " + folder + ": " + descriptor.getFileName()
                        + " names " + named.getFileName() + ", which does not exist");
            }
            return new ModelDescriptor(named, descriptor, props, folderName);
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> isTorchScriptName(p.getFileName().toString()))
                    .filter(p -> !Files.isDirectory(p))
                    .sorted()
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new EmbeddingException("Model folder " + folder + " cannot be listed (" + e.getMessage() + ")", e);
        }
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate)) {
                throw notRegular(candidate);
            }
        }
        if (candidates.isEmpty()) {
            throw new EmbeddingException("Model folder " + folder + " holds no TorchScript file (*.pt)");
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(p -> p.getFileName().toString()).toList();
            throw new EmbeddingException("Model folder " + folder + " holds several TorchScript files "
                    + names + "; say which one with vss.file=NAME in " + ModelDescriptor.DESCRIPTOR_FILE);
        }
        return new ModelDescriptor(candidates.get(0), descriptor, props, folderName);
    }

    /** The file a descriptor names with vss.file or DJL's option.modelName, or null. */
    private static Path namedFile(Path folder, Path descriptor, Properties props) throws EmbeddingException {
        DescriptorSettings settings = new DescriptorSettings(props, descriptor);
        String file = settings.get("vss.file");
        if (file != null) {
            Path resolved = folder.resolve(file).normalize();
            if (!resolved.startsWith(folder)) {
                throw new EmbeddingException("Model descriptor " + descriptor + ": vss.file '" + file
                        + "' must be inside the model folder");
            }
            return resolved;
        }
        String modelName = settings.get("option.modelName");
        if (modelName != null) {
            Path asIs = folder.resolve(modelName).normalize();
            Path withPt = folder.resolve(modelName + ".pt").normalize();
            if (!asIs.startsWith(folder) || !withPt.startsWith(folder)) {
                throw new EmbeddingException("Model descriptor " + descriptor + ": option.modelName '"
                        + modelName + "' must be inside the model folder");
            }
            return Files.isRegularFile(asIs) && isTorchScriptName(modelName) ? asIs : withPt;
        }
        return null;
    }

    private static EmbeddingException notRegular(Path path) {
        return new EmbeddingException("Model " + path + ": not a regular file or folder (it is a FIFO, socket or "
                + "device); a model is a folder or a TorchScript file");
    }

    private static Properties readProperties(Path file) throws EmbeddingException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new EmbeddingException("Model descriptor " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        return props;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
