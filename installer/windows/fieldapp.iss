; Inno Setup 6 script: per-user installer for the Fieldapp one-folder bundle (dist\fieldapp\).
; Build (from the project folder, after PyInstaller; see installer\windows\README.md):
;   iscc installer\windows\fieldapp.iss
; Output: dist\fieldapp-<version>-windows-x64-setup.exe
;
; - Installs for the current user only (no administrator rights): %LOCALAPPDATA%\Programs\Fieldapp
; - Start-menu entry (and an optional desktop shortcut), the app icon, an uninstaller in Apps & features
; - The uninstaller keeps the user's data folder (%LOCALAPPDATA%\Fieldapp: the encrypted database and
;   its backups) unless the user answers Yes to deleting it. A silent uninstall always keeps it.

#define AppName "Fieldapp"
#define AppExe "fieldapp.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\fieldapp"
#define IconFile AddBackslash(SourcePath) + "..\..\build\icons\fieldapp.ico"
; The version comes from the built program (PyInstaller writes the package version into its version
; resource); `iscc /DAppVersion=1.2.3 …` overrides it.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error "Cannot read the version from dist\fieldapp\fieldapp.exe: build the bundle first (pyinstaller installer\fieldapp.spec)"
#endif

[Setup]
; Never change AppId: Windows uses it to find an installed Fieldapp for upgrades and uninstalling.
AppId={{6F1C9D2A-4B7E-4E0C-9A51-2C8D7F3B9E14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Fieldapp
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per-user install: no UAC prompt; {autopf} is %LOCALAPPDATA%\Programs in this mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=fieldapp-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Fieldapp before files are replaced (Restart Manager), and do not restart it afterwards:
; the user starts it from the last page.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nb.DeleteDataQuestion=Vil du også slette datamappen til Fieldapp?%n%n%1%n%nDen inneholder den krypterte databasen med alle deltakere, besøk og avtaler, og sikkerhetskopiene av den. Data som ikke er synkronisert, går tapt for godt.%n%nVelg Nei for å beholde dataene (anbefalt), f.eks. før du installerer en ny versjon.
en.DeleteDataQuestion=Also delete Fieldapp's data folder?%n%n%1%n%nIt holds the encrypted database with every participant, visit and agreement, and its backups. Data that has not been synced is lost for good.%n%nChoose No to keep the data (recommended), e.g. before installing a new version.
nb.DataKept=Datamappen ble beholdt: %1
en.DataKept=The data folder was kept: %1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole bundle: no stale modules from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
{ The data folder is platformdirs.user_data_dir("Fieldapp", appauthor=False) = %LOCALAPPDATA%\Fieldapp
  (src/fieldapp/paths.py). A user who set FIELDAPP_DATA_DIR or --data-dir keeps that folder in any case. }
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\Fieldapp');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Dir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Dir := DataDir();
  if not DirExists(Dir) then
    Exit;
  { Default button is No; a silent uninstall never asks and keeps the data. }
  if (not UninstallSilent) and
     (SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [Dir]),
                         mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES) then
  begin
    DelTree(Dir, True, True, True);
    { Window size, layout and language (QSettings: HKCU\Software\Fieldapp). The database keys in
      Windows Credential Manager (no.fieldapp.*) are useless without the database; they are left alone. }
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\Fieldapp');
  end
  else if not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [Dir]), mbInformation, MB_OK);
end;
