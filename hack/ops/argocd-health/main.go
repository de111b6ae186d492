// argocd-health runs Argo CD resource health scripts the way Argo CD does (gopher-lua, Lua 5.1, with
// only the libraries Argo CD's runLua opens: package, base, table and a safe os with time and date;
// the object as the global obj; at most one second) on the tests of each directory given, in Argo
// CD's layout: health.lua, health_test.yaml listing {healthStatus: {status, message}, inputPath}.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	lua "github.com/yuin/gopher-lua"
	"sigs.k8s.io/yaml"
)

type testFile struct {
	Tests []struct {
		HealthStatus struct {
			Status  string `json:"status"`
			Message string `json:"message"`
		} `json:"healthStatus"`
		InputPath string `json:"inputPath"`
	} `json:"tests"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: argocd-health DIR... (each with health.lua and health_test.yaml)")
		os.Exit(2)
	}
	failed, total := 0, 0
	for _, dir := range os.Args[1:] {
		f, t, err := runDir(dir)
		if err != nil {
			fmt.Fprintf(os.Stderr, "argocd-health: %s: %v\n", dir, err)
			os.Exit(2)
		}
		failed, total = failed+f, total+t
	}
	if failed > 0 {
		fmt.Printf("%d of %d health tests failed\n", failed, total)
		os.Exit(1)
	}
	fmt.Printf("all %d health tests passed\n", total)
}

func runDir(dir string) (failed, total int, err error) {
	script, err := os.ReadFile(filepath.Join(dir, "health.lua"))
	if err != nil {
		return 0, 0, err
	}
	data, err := os.ReadFile(filepath.Join(dir, "health_test.yaml"))
	if err != nil {
		return 0, 0, err
	}
	var tests testFile
	if err := yaml.UnmarshalStrict(data, &tests); err != nil {
		return 0, 0, err
	}
	if len(tests.Tests) == 0 {
		return 0, 0, fmt.Errorf("health_test.yaml has no tests")
	}
	for _, t := range tests.Tests {
		status, message, err := health(filepath.Join(dir, t.InputPath), string(script))
		want := t.HealthStatus
		switch {
		case err != nil:
			fmt.Printf("FAIL  %s: %v\n", t.InputPath, err)
			failed++
		case status != want.Status || message != want.Message:
			fmt.Printf("FAIL  %s: got %s %q, want %s %q\n", t.InputPath, status, message, want.Status, want.Message)
			failed++
		default:
			fmt.Printf("ok    %s: %s %q\n", t.InputPath, status, message)
		}
	}
	return failed, len(tests.Tests), nil
}

func health(objectPath, script string) (string, string, error) {
	data, err := os.ReadFile(objectPath)
	if err != nil {
		return "", "", err
	}
	var obj map[string]interface{}
	if err := yaml.Unmarshal(data, &obj); err != nil {
		return "", "", err
	}
	l := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer l.Close()
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{{lua.LoadLibName, lua.OpenPackage}, {lua.BaseLibName, lua.OpenBase}, {lua.TabLibName, lua.OpenTable}, {lua.OsLibName, openSafeOs}} {
		if err := l.CallByParam(lua.P{Fn: l.NewFunction(lib.open), NRet: 0, Protect: true}, lua.LString(lib.name)); err != nil {
			return "", "", err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	l.SetContext(ctx)
	l.SetGlobal("obj", decode(l, obj))
	if err := l.DoString(script); err != nil {
		return "", "", err
	}
	result, ok := l.Get(-1).(*lua.LTable)
	if !ok {
		return "", "", fmt.Errorf("the script returned %s, not a table", l.Get(-1).Type())
	}
	return lua.LVAsString(result.RawGetString("status")), lua.LVAsString(result.RawGetString("message")), nil
}

// openSafeOs is Argo CD's safe os library: only time and date, taken from gopher-lua's own.
func openSafeOs(l *lua.LState) int {
	full := lua.NewState()
	defer full.Close()
	full.OpenLibs()
	osTable := full.GetGlobal("os").(*lua.LTable)
	safe := l.NewTable()
	for _, name := range []string{"time", "date"} {
		safe.RawSetString(name, l.NewFunction(osTable.RawGetString(name).(*lua.LFunction).GFunction))
	}
	l.SetGlobal(lua.OsLibName, safe)
	l.Push(safe)
	return 1
}

// decode turns a decoded YAML object into Lua tables, as Argo CD's decodeValue does.
func decode(l *lua.LState, value interface{}) lua.LValue {
	switch v := value.(type) {
	case map[string]interface{}:
		t := l.NewTable()
		for k, item := range v {
			t.RawSetString(k, decode(l, item))
		}
		return t
	case []interface{}:
		t := l.NewTable()
		for _, item := range v {
			t.Append(decode(l, item))
		}
		return t
	case string:
		return lua.LString(v)
	case bool:
		return lua.LBool(v)
	case float64:
		return lua.LNumber(v)
	case int64:
		return lua.LNumber(v)
	case nil:
		return lua.LNil
	}
	return lua.LString(fmt.Sprint(value))
}
