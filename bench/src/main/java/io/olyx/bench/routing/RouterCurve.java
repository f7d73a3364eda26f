package io.olyx.bench.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * RouteLLM-style evaluation of a scoring router: route the prompts scoring at or above a threshold to the strong
 * model, the rest to the weak one, and compare the accuracy reached with both models' own accuracy.
 */
final class RouterCurve {

    /** One operating point: share of strong calls, accuracy, PGR = (acc − weak) / (strong − weak). */
    record Point(double threshold, double strongShare, double accuracy, double pgr) {
        double gainOverRandom() {
            return pgr - strongShare;
        }
    }

    private final List<RoutingCase> cases;
    private final double[] scores;
    private final double weakAccuracy;
    private final double strongAccuracy;

    RouterCurve(List<RoutingCase> cases, double[] scores) {
        if (cases.size() != scores.length || cases.isEmpty()) {
            throw new IllegalArgumentException("need one score per case, and some cases");
        }
        this.cases = List.copyOf(cases);
        this.scores = scores.clone();
        this.weakAccuracy = cases.stream().filter(RoutingCase::weakCorrect).count() / (double) cases.size();
        this.strongAccuracy = cases.stream().filter(RoutingCase::strongCorrect).count() / (double) cases.size();
    }

    double weakAccuracy() {
        return weakAccuracy;
    }

    double strongAccuracy() {
        return strongAccuracy;
    }

    Point at(double threshold) {
        int strong = 0;
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean toStrong = scores[i] >= threshold;
            strong += toStrong ? 1 : 0;
            correct += cases.get(i).correctWhenRouted(toStrong) ? 1 : 0;
        }
        double accuracy = correct / (double) scores.length;
        return new Point(threshold, strong / (double) scores.length, accuracy, pgr(accuracy));
    }

    /**
     * The curve (strong share → PGR) as the threshold falls from above every score to below every score. Prompts
     * with equal scores enter together, and within such a group the curve is the straight line a random
     * tie-break gives in expectation, so ties earn no credit they did not deserve.
     */
    List<Point> curve() {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        List<Point> points = new ArrayList<>();
        int correct = (int) cases.stream().filter(RoutingCase::weakCorrect).count();
        points.add(new Point(Double.POSITIVE_INFINITY, 0.0, weakAccuracy, 0.0));
        int k = 0;
        while (k < order.length) {
            double groupScore = scores[order[k]];
            while (k < order.length && scores[order[k]] == groupScore) {
                correct += cases.get(order[k]).strongGain();
                k++;
            }
            double accuracy = correct / (double) order.length;
            points.add(new Point(groupScore, k / (double) order.length, accuracy, pgr(accuracy)));
        }
        return points;
    }

    /** ∫ (PGR(s) − s) ds over s in [0, 1]: the area between the curve and a random router's diagonal. */
    double areaOverRandom() {
        List<Point> points = curve();
        double area = 0.0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            double width = b.strongShare() - a.strongShare();
            area += width * ((a.gainOverRandom() + b.gainOverRandom()) / 2.0);
        }
        return area;
    }

    /** PGR at a given strong share, read off the curve by linear interpolation. */
    double pgrAtShare(double share) {
        List<Point> points = curve();
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            if (share <= b.strongShare()) {
                double f = (share - a.strongShare()) / (b.strongShare() - a.strongShare());
                return a.pgr() + f * (b.pgr() - a.pgr());
            }
        }
        return points.getLast().pgr();
    }

    private double pgr(double accuracy) {
        return (accuracy - weakAccuracy) / (strongAccuracy - weakAccuracy);
    }
}
