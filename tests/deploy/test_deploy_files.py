"""The deployment files agree with the stack that tests/stack runs and with each other:
the installed package seeds without the source tree, deploy/nginx.conf is the stack's
configuration with compose.yaml's addresses, compose.yaml wires what that configuration
names, the image is pinned and installs the locked versions, and the lock pins every
dependency. (Docker itself does not run on these machines: the image and compose.yaml are
checked as files, and what they run is tested by tests/stack.)"""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from bench.servers import ROOT
from bench.stack import compose_nginx_config

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
LOCK = (ROOT / "requirements.lock").read_text(encoding="utf-8")


class TestThePackage:
    def test_seeds_from_its_own_data_outside_the_source_tree(self, tmp_path: Path):
        # Built from a copy of what the image copies: a build in the tree leaves build/.
        source = tmp_path / "source"
        source.mkdir()
        for name in ("pyproject.toml", "README.md", "app", "seeds"):
            copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
            copy(ROOT / name, source / name)
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps",
             "--quiet", "-w", str(tmp_path), str(source)],
            check=True, capture_output=True,
        )  # fmt: skip
        (wheel,) = tmp_path.glob("*.whl")
        installed = tmp_path / "site"
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            archive.extractall(installed)
        assert len([n for n in names if n.startswith("seeds/data/")]) == 7
        assert len([n for n in names if n.startswith("seeds/sources/")]) == 5
        # Run from elsewhere, with the unpacked package first on the path.
        env = {"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"}
        where = subprocess.run(
            [sys.executable, "-c", "import seeds; print(seeds.__file__)"],
            cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert where.stdout.startswith(str(installed))
        check = subprocess.run(
            [sys.executable, "-m", "seeds", "--check", "--no-database"],
            cwd=tmp_path, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert check.returncode == 0, check.stderr


class TestNginx:
    def test_deploy_nginx_conf_is_the_stacks_configuration(self):
        written = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
        assert written == compose_nginx_config(), "run python -m bench.stack --write-compose-config"


class TestCompose:
    def test_nginx_sends_requests_to_each_instance_on_its_port(self):
        services = COMPOSE["services"]
        upstreams = re.findall(r"server (\S+):(\d+) ", compose_nginx_config())
        assert {name for name, _ in upstreams} == {"api1", "api2"} <= set(services)
        for name, port in upstreams:
            assert services[name]["environment"]["PORT"] == port
            assert services[name]["command"] == ["python", "-m", "app"]

    def test_instances_trust_proxy_headers_from_nginx_alone(self):
        services = COMPOSE["services"]
        nginx = services["nginx"]["networks"]["default"]["ipv4_address"]
        for name in ("api1", "api2"):
            assert services[name]["environment"]["FORWARDED_ALLOW_IPS"] == nginx
        assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in services["nginx"]["volumes"]

    def test_instances_start_only_after_the_release_step_succeeded(self):
        services = COMPOSE["services"]
        assert "alembic upgrade head && python -m seeds" in services["release"]["command"][-1]
        for name in ("api1", "api2"):
            condition = services[name]["depends_on"]["release"]["condition"]
            assert condition == "service_completed_successfully"

    def test_every_image_is_pinned_to_a_release(self):
        for service in COMPOSE["services"].values():
            if "image" in service and "build" not in service:
                assert re.fullmatch(r"[\w/-]+:\d+\.\d+(\.\d+)?(-\w+)?", service["image"])


class TestImage:
    def test_is_built_from_a_pinned_base_and_the_locked_versions(self):
        dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
        bases = re.findall(r"^FROM (\S+)", dockerfile, re.M)
        assert bases and all(re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", b) for b in bases)
        assert "pip install -c requirements.lock ." in dockerfile
        assert 'exec python -m app"]' in dockerfile


class TestLock:
    def test_pins_every_package_to_one_version(self):
        lines = [line for line in LOCK.splitlines() if line and not line.startswith("#")]
        assert lines
        for line in lines:
            assert re.fullmatch(r"[A-Za-z0-9._-]+(\[[\w,-]+\])?==[\w.+!-]+", line), line

    def test_holds_every_dependency_pyproject_names(self):
        import tomllib

        project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
        named = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
        locked = {
            re.split(r"[=\[]", line)[0].lower().replace("_", "-")
            for line in LOCK.splitlines()
            if line and not line.startswith("#")
        }
        for requirement in map(Requirement, named):
            assert requirement.name.lower().replace("_", "-") in locked, requirement.name
