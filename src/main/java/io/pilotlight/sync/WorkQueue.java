package io.pilotlight.sync;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The changes waiting to be written to the standby: at most one per object (a newer change replaces
 * the pending one, keeping the time the first was seen, so lag is measured from the oldest change
 * not yet copied), in arrival order, bounded. When full, {@link #offer} refuses and remembers it: the
 * owner then runs a full resync, which catches everything that was refused. Failed items come back
 * with a time before which they are not handed out (backoff).
 */
public final class WorkQueue<K, V> {

    public record Item<K, V>(K key, V value, long seenNanos, long notBeforeNanos, int attempts) {
    }

    private final int capacity;
    private final LinkedHashMap<K, Item<K, V>> items = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean overflowed;

    public WorkQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds or replaces the pending change of a key; false (and an overflow noted) when the queue is full. */
    public boolean offer(K key, V value, long seenNanos) {
        lock.lock();
        try {
            Item<K, V> pending = items.get(key);
            if (pending != null) {
                items.put(key, new Item<>(key, value, Math.min(pending.seenNanos(), seenNanos), 0, 0));
            } else if (items.size() >= capacity) {
                overflowed = true;
                return false;
            } else {
                items.put(key, new Item<>(key, value, seenNanos, 0, 0));
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Puts a failed item back unless a newer change of its key arrived meanwhile. */
    public void retry(Item<K, V> item, long notBeforeNanos) {
        lock.lock();
        try {
            if (!items.containsKey(item.key())) {
                items.put(item.key(), new Item<>(item.key(), item.value(), item.seenNanos(), notBeforeNanos, item.attempts() + 1));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code max} items that are due, waiting up to {@code waitNanos} for one; an empty
     * list when none came, or when {@link #wakeUp} was called.
     */
    public List<Item<K, V>> take(int max, long waitNanos) throws InterruptedException {
        return take(max, waitNanos, key -> false);
    }

    /**
     * As {@link #take(int, long)}, leaving in the queue the items whose key is {@code busy} (a write of
     * that key is still in flight: its newer change waits for it, so that two writes of one object never race).
     */
    public List<Item<K, V>> take(int max, long waitNanos, Predicate<K> busy) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + waitNanos;
            while (true) {
                if (wokenUp) {
                    wokenUp = false;
                    return List.of();
                }
                long now = System.nanoTime();
                List<Item<K, V>> due = new ArrayList<>();
                long nextDue = Long.MAX_VALUE;
                Iterator<Map.Entry<K, Item<K, V>>> it = items.entrySet().iterator();
                while (it.hasNext() && due.size() < max) {
                    Item<K, V> item = it.next().getValue();
                    if (busy.test(item.key())) {
                        continue;
                    }
                    if (item.notBeforeNanos() - now <= 0) {
                        due.add(item);
                        it.remove();
                    } else if (item.notBeforeNanos() - nextDue < 0 || nextDue == Long.MAX_VALUE) {
                        nextDue = item.notBeforeNanos();
                    }
                }
                long left = deadline - now;
                if (!due.isEmpty() || left <= 0) {
                    return due;
                }
                long wait = nextDue == Long.MAX_VALUE ? left : Math.min(left, nextDue - now);
                changed.awaitNanos(Math.max(wait, 1_000_000));
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean wokenUp;

    /** Makes a waiting {@link #take} return now (a full resync was asked for, or the sync stops). */
    public void wakeUp() {
        lock.lock();
        try {
            wokenUp = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue refused a change since the last call (and forgets it). */
    public boolean takeOverflow() {
        lock.lock();
        try {
            boolean o = overflowed;
            overflowed = false;
            return o;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** When the oldest pending change was first seen (System.nanoTime()), or null when none is pending. */
    public Long oldestSeenNanos() {
        lock.lock();
        try {
            Long oldest = null;
            for (Item<K, V> item : items.values()) {
                if (oldest == null || item.seenNanos() - oldest < 0) {
                    oldest = item.seenNanos();
                }
            }
            return oldest;
        } finally {
            lock.unlock();
        }
    }

    public List<K> keys() {
        lock.lock();
        try {
            return new ArrayList<>(items.keySet());
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            items.clear();
        } finally {
            lock.unlock();
        }
    }
}
