"""
Time and peak memory to ingest a 24-megapixel JPEG: everything an editor's
upload costs the server (the form's checks, then the renditions made and
stored at save), without the database row.

The ingest runs in a fresh process so that its peak resident memory is the
ingest's own and not the photo generator's; the figure printed is that peak,
next to the same process's memory before the upload, for comparison.
"""

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 6000, 4000  # 24 megapixels, a full-frame press camera's output


def camera_jpeg(path: Path) -> int:
    """A 24 MP JPEG with a photo's texture (not a flat colour that compresses to nothing) and GPS EXIF."""
    from PIL import Image, ImageFilter

    gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    noise = Image.effect_noise((WIDTH, HEIGHT), 40).filter(ImageFilter.GaussianBlur(1))
    photo = Image.merge("RGB", [gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)])
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (40.0, 10.0, 38.0), 3: "E", 4: (44.0, 30.0, 52.0)})
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90, exif=exif)
    path.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())


def memory_mb(field: str) -> float:
    """
    VmRSS (now) or VmHWM (peak) of this process, from Linux's /proc. Not
    ru_maxrss: after fork and exec it still counts the parent's memory,
    here the photo generator's.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest(path: str, media: str) -> dict:
    """Runs in the child process: the upload's checks, then renditions through a storage."""
    import django

    django.setup()
    from django.core.files.storage import FileSystemStorage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from images.encoding import encode_renditions
    from images.fields import check_upload
    from images.storage import store_renditions

    upload = SimpleUploadedFile("IMG_0001.JPG", Path(path).read_bytes(), content_type="image/jpeg")
    before = memory_mb("VmRSS")
    started = time.perf_counter()
    check_upload(upload)
    checked = time.perf_counter()
    encoded = encode_renditions(upload)
    encoded_at = time.perf_counter()
    _master, renditions = store_renditions(encoded, FileSystemStorage(location=media), "articles/IMG_0001.jpg")
    stored = time.perf_counter()
    return {
        "check": checked - started,
        "renditions": encoded_at - checked,
        "store": stored - encoded_at,
        "total": stored - started,
        "files": 1 + len(renditions),
        "master": f"{encoded[0].width}x{encoded[0].height}",
        "rss_before_mb": before,
        "peak_rss_mb": memory_mb("VmHWM"),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "photo.jpg"
        size = camera_jpeg(photo)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "true",
            "MEDIA_ROOT": str(Path(folder) / "media"),
        }
        child = subprocess.run(
            [sys.executable, "-m", "bench.images", "--ingest", str(photo), str(Path(folder) / "media")],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"24 MP JPEG ({WIDTH}x{HEIGHT}, {size / 1024 / 1024:.1f} MB, EXIF orientation 6 and GPS)")
    print(
        f"  ingest {result['total']:.2f} s (checks {result['check']:.2f} s, renditions {result['renditions']:.2f} s,"
        f" storing {result['store']:.2f} s); {result['files']} files, master {result['master']}"
    )
    print(
        f"  peak memory {result['peak_rss_mb']:.0f} MB resident"
        f" (process before the upload: {result['rss_before_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--ingest"]:
        print(json.dumps(ingest(sys.argv[2], sys.argv[3])))
    else:
        main()
