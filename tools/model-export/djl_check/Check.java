// Loads a GUIE-convention model folder through DJL's PyTorch engine (libtorch
// 2.7.1 via DJL 0.36, as the app does) and prints the output of a uint8
// [1,3,H,W] input: shape, dtype, L2 norm, and the elapsed time.
// With a feature extractor declared in serving.properties (vss.features.file, vss.head.file),
// also loads features.pt and head.npz (read by DJL's NDList.decode) and prints the max abs diff
// of L2(features @ weight^T + bias) against model.pt, computed in DJL.
// usage: see djl_check.sh
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Random;

public class Check {
  public static void main(String[] a) throws Exception {
    String dir = a.length > 0 ? a[0] : "models/default";
    String name = a.length > 1 ? a[1] : "model";
    long t0 = System.nanoTime();
    Criteria<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class)
        .optModelPath(Paths.get(dir)).optModelName(name).optEngine("PyTorch").build();
    try (ZooModel<NDList, NDList> m = c.loadModel(); Predictor<NDList, NDList> p = m.newPredictor()) {
      NDManager mgr = m.getNDManager().newSubManager();
      int[][] sizes = {{50, 40}, {480, 640}, {512, 341}};
      byte[] buf = new byte[3 * 512 * 640];
      new Random(1).nextBytes(buf);
      for (int[] hw : sizes) {
        byte[] b = java.util.Arrays.copyOf(buf, 3 * hw[0] * hw[1]);
        NDArray x = mgr.create(b, new Shape(1, 3, hw[0], hw[1])).toType(DataType.UINT8, false);
        long t = System.nanoTime();
        NDArray y = p.predict(new NDList(x)).get(0);
        double ms = (System.nanoTime() - t) / 1e6;
        float[] v = y.toFloatArray();
        double n = 0;
        for (float f : v) n += f * f;
        System.out.printf("input %s -> %s %s  L2 norm %.6f  %.1f ms%n", x.getShape(), y.getShape(), y.getDataType(), Math.sqrt(n), ms);
      }
      byte[] b = java.util.Arrays.copyOf(buf, 3 * 480 * 640);
      NDArray x = mgr.create(b, new Shape(1, 3, 480, 640)).toType(DataType.UINT8, false);
      double[] ts = new double[21];
      for (int i = 0; i < ts.length; i++) {
        long t = System.nanoTime();
        p.predict(new NDList(x)).get(0).toFloatArray();
        ts[i] = (System.nanoTime() - t) / 1e6;
      }
      java.util.Arrays.sort(ts);
      System.out.printf("640x480: median %.1f ms per photo over %d runs (intra-op threads as configured)%n", ts[ts.length / 2], ts.length);
    }
    System.out.printf("total %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    checkFeatures(Paths.get(dir), name);
  }

  static ZooModel<NDList, NDList> load(Path dir, String name) throws Exception {
    return Criteria.builder().setTypes(NDList.class, NDList.class)
        .optModelPath(dir).optModelName(name).optEngine("PyTorch").build().loadModel();
  }

  static void checkFeatures(Path dir, String name) throws Exception {
    Properties props = new Properties();
    Path pf = dir.resolve("serving.properties");
    if (!Files.exists(pf)) return;
    try (InputStream in = Files.newInputStream(pf)) { props.load(in); }
    String feat = props.getProperty("vss.features.file");
    if (feat == null) return;
    String head = props.getProperty("vss.head.file");
    try (ZooModel<NDList, NDList> m = load(dir, name);
         ZooModel<NDList, NDList> f = load(dir, feat.replaceFirst("\\.pt$", ""));
         Predictor<NDList, NDList> pm = m.newPredictor(); Predictor<NDList, NDList> pfe = f.newPredictor();
         NDManager mgr = NDManager.newBaseManager()) {
      NDArray w = null, b = null;
      if (head != null) {
        try (InputStream in = Files.newInputStream(dir.resolve(head))) {
          NDList z = NDList.decode(mgr, in);
          for (NDArray a : z) {
            if ("weight".equals(a.getName())) w = a;
            if ("bias".equals(a.getName())) b = a;
          }
        }
        System.out.printf("%s: weight %s bias %s%n", head, w.getShape(), b.getShape());
      }
      Random r = new Random(2);
      double worst = 0;
      int[][] sizes = {{480, 640}, {640, 480}, {224, 224}, {37, 501}};
      for (int[] hw : sizes) {
        byte[] buf = new byte[3 * hw[0] * hw[1]];
        r.nextBytes(buf);
        NDArray x = mgr.create(buf, new Shape(1, 3, hw[0], hw[1])).toType(DataType.UINT8, false);
        NDArray y = pm.predict(new NDList(x)).get(0);
        NDArray v = pfe.predict(new NDList(x)).get(0);
        if (w != null) v = v.matMul(w.transpose()).add(b);
        v = v.div(v.norm(new int[] {1}, true));
        worst = Math.max(worst, y.sub(v).abs().max().getFloat());
        if (hw[0] == 480) System.out.printf("%s: %s -> %s%n", feat, x.getShape(), pfe.predict(new NDList(x)).get(0).getShape());
      }
      System.out.printf("DJL: max abs diff of L2(head(features(x))) vs %s(x): %.2e over %d inputs%n", name, worst, sizes.length);
    }
  }
}
