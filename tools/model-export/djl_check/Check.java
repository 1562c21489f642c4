// Loads a GUIE-convention model folder through DJL's PyTorch engine (libtorch
// 2.7.1 via DJL 0.36, as the app does) and prints the output of a uint8
// [1,3,H,W] input: shape, dtype, L2 norm, and the elapsed time.
// usage: see djl_check.sh
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Paths;
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
  }
}
