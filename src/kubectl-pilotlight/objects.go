package main

import (
	"fmt"
	"strconv"
	"time"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// Phases in which a Failover has ended; any other phase (or none yet) means it runs.
var endedPhases = map[string]bool{"Completed": true, "Failed": true}

func str(obj map[string]interface{}, path ...string) string {
	v, _, _ := unstructured.NestedFieldNoCopy(obj, path...)
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	default:
		return fmt.Sprint(t)
	}
}

// num reads an integer field; ok is false when it is absent.
func num(obj map[string]interface{}, path ...string) (int64, bool) {
	v, found, _ := unstructured.NestedFieldNoCopy(obj, path...)
	switch t := v.(type) {
	case int64:
		return t, found
	case float64:
		return int64(t), found
	}
	return 0, false
}

type condition struct {
	Type, Status, Reason, Message string
	Since                         time.Time
}

func conditions(obj map[string]interface{}) []condition {
	list, _, _ := unstructured.NestedSlice(obj, "status", "conditions")
	var out []condition
	for _, item := range list {
		m, ok := item.(map[string]interface{})
		if !ok {
			continue
		}
		out = append(out, condition{Type: str(m, "type"), Status: str(m, "status"), Reason: str(m, "reason"),
			Message: str(m, "message"), Since: timestamp(str(m, "lastTransitionTime"))})
	}
	return out
}

func findCondition(obj map[string]interface{}, kind string) condition {
	for _, c := range conditions(obj) {
		if c.Type == kind {
			return c
		}
	}
	return condition{}
}

func timestamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func eventTime(e unstructured.Unstructured) time.Time {
	for _, field := range []string{"lastTimestamp", "eventTime", "firstTimestamp"} {
		if t := timestamp(str(e.Object, field)); !t.IsZero() {
			return t
		}
	}
	return e.GetCreationTimestamp().Time
}

// ago prints how long ago t was, as kubectl's AGE column does ("-" when unknown).
func ago(t time.Time, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return short(now.Sub(t))
}

// short prints a duration with at most two units: 45s, 3m12s, 2h5m, 3d4h.
func short(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d.Round(time.Second) / time.Second)
	switch {
	case s < 60:
		return strconv.FormatInt(s, 10) + "s"
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	case s < 86400:
		return fmt.Sprintf("%dh%02dm", s/3600, (s%3600)/60)
	}
	return fmt.Sprintf("%dd%02dh", s/86400, (s%86400)/3600)
}

// seconds prints a measured number of seconds, or "-" when the field is absent.
func seconds(obj map[string]interface{}, path ...string) string {
	if v, ok := num(obj, path...); ok {
		return short(time.Duration(v) * time.Second)
	}
	return "-"
}

// objective reads a Go duration of the plan's spec.objectives (rpo or rto).
func objective(plan map[string]interface{}, which string) (time.Duration, bool) {
	d, err := time.ParseDuration(str(plan, "spec", "objectives", which))
	return d, err == nil
}

// against compares a measured number of seconds with an objective: "8s / 15m00s (met)".
func against(measured int64, ok bool, goal time.Duration, known bool) string {
	switch {
	case !ok:
		return "-"
	case !known:
		return short(time.Duration(measured) * time.Second)
	case time.Duration(measured)*time.Second <= goal:
		return short(time.Duration(measured)*time.Second) + " / " + short(goal) + " (met)"
	}
	return short(time.Duration(measured)*time.Second) + " / " + short(goal) + " (MISSED)"
}

// activeSite is the plan's serving site: status.activeSite, else the primary.
func activeSite(plan map[string]interface{}) string {
	if s := str(plan, "status", "activeSite"); s != "" {
		return s
	}
	return str(plan, "spec", "primary", "name")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
