package org.visualsearch.core.gallery;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.visualsearch.core.common.PathText;
import org.visualsearch.core.model.ModelInfo;
import org.visualsearch.core.store.FileProblem;
import org.visualsearch.core.store.FolderRemovedException;
import org.visualsearch.core.store.GalleryDatabase;
import org.visualsearch.core.store.StoredFile;

/**
 * The first half of a run: rescans each folder and brings the database in line with what is on
 * disk (entries of deleted files go, problems of unchanged bad files stay), and lists the files
 * the model still has to see. A folder that is missing, or present but empty, or lost over half
 * of its files at once keeps its entries and gets a problem saying so: an unmounted drive or a
 * sync half done must not wipe an index (removing the folder is how a user drops them). A file whose size and modification time are unchanged keeps its
 * stored hash.
 */
final class FolderReconciler {

    /** What the scans found. */
    /** @param roots each folder row's root, to name a folder by its row */
    record Result(List<WorkItem> work, int found, int removed, int knownBad, Map<Long, Path> roots) {
    }

    private final GalleryDatabase db;
    private final FolderScanner scanner = new FolderScanner();
    private final ModelInfo model;

    FolderReconciler(GalleryDatabase db, ModelInfo model) {
        this.db = db;
        this.model = model;
    }

    /**
     * Reconciles each root in turn, reporting a SCANNING progress for each; stops before the next
     * root when {@code stopRequested}, and does not apply a scan cut short by {@code cancelled}.
     *
     * @param embedded content hashes that already have the model's vector
     */
    Result reconcile(List<Path> roots, Set<String> embedded, IndexListener listener,
                     BooleanSupplier stopRequested, BooleanSupplier cancelled) {
        List<WorkItem> work = new ArrayList<>();
        Map<Long, Path> rootsById = new java.util.HashMap<>();
        int found = 0;
        int removed = 0;
        int knownBad = 0;
        Set<Path> reachedThroughLinks = new HashSet<>(); // shared: a place two folders link to is indexed once
        List<Path> userFolders = new ArrayList<>();
        db.listFolders().forEach(f -> userFolders.add(f.path()));
        for (Path root : roots) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            long folderId = db.folderIdForIndexing(root);
            rootsById.put(folderId, root);
            listener.onProgress(new IndexProgress(IndexProgress.State.SCANNING, 0, 0, 0, null, root));
            Map<String, StoredFile> stored = db.storedFiles(folderId);
            Map<String, List<FileProblem>> storedProblems = db.storedProblems(folderId);
            FolderScanner.ScanResult scan;
            try {
                // a user folder leaves what it links into another user folder to that folder;
                // an ad-hoc folder (eval, query --gallery) keeps all it reaches
                List<Path> others = db.isUserFolder(root) ? userFolders : List.of();
                scan = scanner.scan(root, stopRequested, others, reachedThroughLinks);
            } catch (IOException e) {
                // The root is gone (unplugged drive?): report it, keep its entries.
                String rootPath = GalleryDatabase.normalize(root).toString();
                List<FileProblem> kept = new ArrayList<>();
                storedProblems.values().forEach(kept::addAll);
                kept.removeIf(p -> p.path().equals(rootPath));
                applyScan(root, folderId, List.of(), kept, List.of(new FileProblem(rootPath, rootProblem(e), -1, -1)));
                continue;
            }
            if (cancelled.getAsBoolean()) {
                break; // a partial scan must not delete entries of files it did not reach
            }
            found += scan.files().size();
            Set<String> seen = new HashSet<>();
            List<FileProblem> keptProblems = new ArrayList<>();
            for (FolderScanner.ScannedFile f : scan.files()) {
                String path = f.path().toString();
                seen.add(path);
                // Problems of an unchanged file are kept, other models' too (for them to skip it);
                // a changed file is retried by every model.
                boolean knownBadForModel = false;
                for (FileProblem problem : storedProblems.getOrDefault(path, List.of())) {
                    if (problem.sameFile(f.size(), f.modifiedMillis())) {
                        keptProblems.add(problem);
                        knownBadForModel |= problem.blocks(model.id());
                    }
                }
                if (knownBadForModel) {
                    knownBad++; // unchanged bad file (for every model, or this one): not retried
                    continue;
                }
                StoredFile s = stored.get(path);
                boolean unchanged = s != null && s.size() == f.size() && s.modifiedMillis() == f.modifiedMillis();
                if (unchanged && embedded.contains(s.contentHash())) {
                    continue; // up to date
                }
                work.add(new WorkItem(folderId, f, unchanged ? s.contentHash() : null));
            }
            List<String> vanished = new ArrayList<>();
            for (String path : stored.keySet()) {
                // a name this locale cannot represent was not seen, but is not gone either
                if (!seen.contains(path) && PathText.representable(path)) {
                    vanished.add(path);
                }
            }
            List<FileProblem> scanProblems = new ArrayList<>();
            for (FolderScanner.ScanProblem p : scan.problems()) {
                scanProblems.add(new FileProblem(p.path().toString(), p.reason(), -1, -1));
            }
            String suspect = suspectDisappearance(vanished.size(), stored.size(), scan.files().isEmpty());
            if (suspect != null) {
                // An unmounted drive or a half-synced folder: keep the entries (and the problems of
                // the files that went) until the files are back or the user removes the folder.
                Set<String> gone = new HashSet<>(vanished);
                storedProblems.forEach((path, problems) -> {
                    if (gone.contains(path)) {
                        keptProblems.addAll(problems);
                    }
                });
                scanProblems.add(new FileProblem(GalleryDatabase.normalize(root).toString(), suspect, -1, -1));
                vanished = List.of();
            }
            removed += vanished.size();
            applyScan(root, folderId, vanished, keptProblems, scanProblems);
        }
        return new Result(work, found, removed, knownBad, rootsById);
    }

    /**
     * Why the vanished files look like a fault rather than deletions (all of them, or over half and
     * at least {@value #MASS_DISAPPEARANCE_MIN}), or null when they are applied as deletions.
     */
    static String suspectDisappearance(int vanished, int stored, boolean folderEmpty) {
        String keep = "; its photos are kept until they are back (remove the folder to drop them)";
        if (vanished == 0) {
            return null;
        }
        if (folderEmpty) {
            return "folder is empty (an unmounted drive?); its " + vanished + " photos are kept until they are back"
                    + " (remove the folder to drop them)";
        }
        if (vanished >= MASS_DISAPPEARANCE_MIN && vanished * 2 > stored) {
            return vanished + " of " + stored + " photos vanished at once" + keep;
        }
        return null;
    }

    /** Fewer vanished files than this are always applied as deletions (a small folder being tidied). */
    static final int MASS_DISAPPEARANCE_MIN = 3;

    private static String rootProblem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "folder not found; its photos are kept until it is back";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot open folder: permission denied";
        }
        return "cannot read folder (" + e + ")";
    }

    private void applyScan(Path root, long folderId, List<String> vanished, List<FileProblem> kept,
                           List<FileProblem> scanProblems) {
        try {
            db.applyScan(folderId, vanished, kept, scanProblems);
        } catch (FolderRemovedException e) {
            throw new FolderRemovedException(GalleryDatabase.normalize(root));
        }
    }
}
