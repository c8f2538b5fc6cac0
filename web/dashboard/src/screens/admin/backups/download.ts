import { api, authFetch } from "../../../api/client.ts";
import { ApiError, type Problem } from "../../../api/problem.ts";

/** Streams the backup's tar through the user's session and hands it to the browser as a file. */
export async function downloadBackup(backupId: string): Promise<void> {
  const url = api.v1.backups[":backupId"].download.$url({ param: { backupId } });
  let response: Response;
  try {
    response = await authFetch(url);
  } catch (error) {
    throw new ApiError({ title: "The server could not be reached", status: 0, code: "NETWORK", detail: String(error) });
  }
  if (!response.ok) {
    const json = (response.headers.get("content-type") ?? "").includes("json");
    throw new ApiError(json ? ((await response.json()) as Problem) : { title: response.statusText || "Download failed", status: response.status, code: `HTTP_${response.status}` });
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `backup-${backupId}.tar`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
