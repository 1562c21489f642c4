package org.visualsearch.core.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The validation split of {@code train_head.py}'s rule: per category (stratified), the instance
 * groups (a photo without a group is a group of its own) in a seeded random order are held out
 * until at least the share of the category's photos is reached, so a group never straddles the
 * split. The order comes from {@link Random} with the seed, not Python's generator: to compare
 * with the Python tool, write the split out ({@link SplitFile}) and let the tool read it.
 *
 * @param train row indexes to train on, ascending
 * @param validation row indexes held out, ascending
 */
public record ValidationSplit(List<Integer> train, List<Integer> validation) {

    public ValidationSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    public static ValidationSplit of(List<LabelledFeatures.Sample> samples, double share, long seed) {
        Random random = new Random(seed);
        boolean[] held = new boolean[samples.size()];
        if (share > 0) {
            Map<String, Map<String, List<Integer>>> byCategory = new TreeMap<>();
            for (int i = 0; i < samples.size(); i++) {
                LabelledFeatures.Sample s = samples.get(i);
                String group = s.instance() != null ? "g/" + s.instance() : "#" + i;
                byCategory.computeIfAbsent(s.category(), c -> new TreeMap<>())
                        .computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
            for (Map<String, List<Integer>> groups : byCategory.values()) {
                List<String> keys = new ArrayList<>(groups.keySet());
                Collections.shuffle(keys, random);
                int inCategory = groups.values().stream().mapToInt(List::size).sum();
                int taken = 0;
                for (String key : keys) {
                    if (taken >= share * inCategory) {
                        break;
                    }
                    for (int i : groups.get(key)) {
                        held[i] = true;
                    }
                    taken += groups.get(key).size();
                }
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            (held[i] ? validation : train).add(i);
        }
        return new ValidationSplit(train, validation);
    }

    /** Every row trains, none validates. */
    public static ValidationSplit none(int size) {
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        return new ValidationSplit(all, List.of());
    }
}
