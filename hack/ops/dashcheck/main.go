// dashcheck runs every query of a Grafana dashboard (panel targets and the variables' label_values
// selectors) against a Prometheus query API and fails unless each one parses and returns at least
// one series with a number: a panel that shows nothing is a bug. Variables are given their "All"
// value (.*), as the dashboard opens.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type dashboard struct {
	Panels     []panel `json:"panels"`
	Templating struct {
		List []struct {
			Name  string          `json:"name"`
			Type  string          `json:"type"`
			Query json.RawMessage `json:"query"`
		} `json:"list"`
	} `json:"templating"`
}

type panel struct {
	Title   string `json:"title"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
	Panels []panel `json:"panels"`
}

type answer struct {
	Status    string `json:"status"`
	ErrorType string `json:"errorType"`
	Error     string `json:"error"`
	Data      struct {
		Result []struct {
			Metric map[string]string `json:"metric"`
			Value  []interface{}     `json:"value"`
		} `json:"result"`
	} `json:"data"`
}

var (
	variable    = regexp.MustCompile(`\$\{?(job|namespace|plan)\}?`)
	labelValues = regexp.MustCompile(`^label_values\((.*),\s*\w+\)$`)
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: dashcheck DASHBOARD.json PROMETHEUS_URL")
		os.Exit(2)
	}
	queries, err := read(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashcheck: "+err.Error())
		os.Exit(2)
	}
	failed := 0
	for _, q := range queries {
		n, err := check(os.Args[2], q.expr)
		if err != nil {
			failed++
			fmt.Printf("FAIL  %-45s %s\n      %s\n", q.where, err, q.expr)
			continue
		}
		fmt.Printf("ok    %-45s %d series\n", q.where, n)
	}
	if failed > 0 {
		fmt.Printf("%d of %d dashboard queries failed\n", failed, len(queries))
		os.Exit(1)
	}
	fmt.Printf("all %d dashboard queries return series\n", len(queries))
}

type query struct{ where, expr string }

func read(path string) ([]query, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d dashboard
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []query
	for _, v := range d.Templating.List {
		if v.Type != "query" {
			continue
		}
		var q struct{ Query string }
		if err := json.Unmarshal(v.Query, &q); err != nil {
			return nil, fmt.Errorf("variable %s: %w", v.Name, err)
		}
		m := labelValues.FindStringSubmatch(q.Query)
		if m == nil {
			return nil, fmt.Errorf("variable %s: not a label_values(selector, label) query: %s", v.Name, q.Query)
		}
		out = append(out, query{"variable $" + v.Name, m[1]})
	}
	var walk func([]panel)
	walk = func(panels []panel) {
		for _, p := range panels {
			for i, t := range p.Targets {
				out = append(out, query{fmt.Sprintf("%q #%d", p.Title, i+1), t.Expr})
			}
			walk(p.Panels)
		}
	}
	walk(d.Panels)
	if len(out) == 0 {
		return nil, fmt.Errorf("%s has no queries", path)
	}
	return out, nil
}

// check runs one instant query; it returns the number of series with a number (not NaN).
func check(base, expr string) (int, error) {
	expr = variable.ReplaceAllString(expr, ".*")
	client := http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(strings.TrimSuffix(base, "/") + "/api/v1/query?query=" + url.QueryEscape(expr))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var a answer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return 0, fmt.Errorf("HTTP %d, not a Prometheus answer", resp.StatusCode)
	}
	if a.Status != "success" {
		return 0, fmt.Errorf("%s: %s", a.ErrorType, a.Error)
	}
	numbers := 0
	for _, r := range a.Data.Result {
		if len(r.Value) == 2 {
			if v, err := strconv.ParseFloat(fmt.Sprint(r.Value[1]), 64); err == nil && !math.IsNaN(v) {
				numbers++
			}
		}
	}
	if numbers == 0 {
		return 0, fmt.Errorf("no series with a value (%d series, all NaN)", len(a.Data.Result))
	}
	return numbers, nil
}
